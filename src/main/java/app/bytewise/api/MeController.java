package app.bytewise.api;

import app.bytewise.progress.MasteryFigure;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account (a personal token or HTTP Basic) and its drill progress. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The account of the credentials (personal token or HTTP Basic), and its progress")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token, created on the Progress page")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class MeController {

    private final ApiUser users;
    private final ProgressService progress;

    MeController(ApiUser users, ProgressService progress) {
        this.users = users;
        this.progress = progress;
    }

    record MeView(long id, String username, String displayName, String role) {
    }

    record TopicProgressView(String topic, double mastery, double rating, int attempts) {
    }

    record ProgressView(long attempts, List<TopicProgressView> topics) {
    }

    @Operation(summary = "Who the credentials belong to", description = "401 without credentials.")
    @GetMapping
    MeView me(Authentication authentication) {
        UserAccount me = users.require(authentication);
        return new MeView(me.getId(), me.getUsername(), me.getDisplayName(), me.getRole().name());
    }

    @Operation(summary = "Recorded drill answers and the mastery of every topic",
            description = "Answers graded through POST /api/v1/questions/{id}/answer while signed in count here.")
    @GetMapping("/progress")
    ProgressView progress(Authentication authentication) {
        long id = users.require(authentication).getId();
        List<TopicProgressView> topics = progress.mastery(id).stream().map(MeController::view).toList();
        return new ProgressView(progress.attemptCount(id), topics);
    }

    private static TopicProgressView view(MasteryFigure m) {
        return new TopicProgressView(DrillController.slug(m.topic()), m.mastery(), m.rating(), m.attempts());
    }
}
