package app.bytewise.ui.drill;

import app.bytewise.DatabaseOutage;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import app.bytewise.ui.KaribuTestBase;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A signed-in candidate checks an answer while the database cannot be reached (no connection from the
 * pool within its timeout): the page says nothing was saved, keeps the chosen
 * answer and the attempt count, and the same answer checked again once the database is back is
 * recorded once.
 */
@Import(DatabaseOutage.class)
class DrillDuringOutageTest extends KaribuTestBase {

    @Autowired
    private DatabaseOutage outage;
    @Autowired
    private AccountService accounts;
    @Autowired
    private ProgressService progress;

    @AfterEach
    void databaseBack() {
        outage.end();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aFailedSaveIsShownAndLosesNothing() {
        String name = "outage-" + System.nanoTime() % 1_000_000_000;
        long id = accounts.create(name, "Outage Tester", "a-long-password-1", Role.CANDIDATE).getId();
        openSignedIn(name, "a-long-password-1");
        UI.getCurrent().navigate("drill", QueryParameters.of("topic", "kv-cache"));
        DrillView drill = _get(DrillView.class);
        Question question = drill.current();
        Option right = question.correctOption().orElseThrow();

        outage.begin();
        // Karibu calls listeners directly, so the failure surfaces here; Vaadin would hand it to the
        // session's error handler, which is what the next line does.
        RuntimeException failure = catchFailure(() -> drill.answer(right.id()));
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));

        Div banner = _get(Div.class, spec -> spec.withClasses("bw-server-error"));
        assertThat(banner.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(banner.getElement().getTextRecursively()).contains("nothing was saved")
                .contains("database is unavailable");
        assertThat(_find(Paragraph.class)).noneMatch(p -> p.getText().startsWith("Correct"));
        RadioButtonGroup<Option> options = _get(RadioButtonGroup.class);
        assertThat(options.getValue()).isEqualTo(right);
        assertThat(drill.current()).isSameAs(question);

        outage.end();
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Dismiss")));
        assertThat(_find(Div.class, spec -> spec.withClasses("bw-server-error"))).isEmpty();
        drill.answer(right.id());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Correct") && !p.getText().contains("Correct. Correct"));
        assertThat(progress.attemptCount(id)).isEqualTo(1);
    }

    private static RuntimeException catchFailure(Runnable action) {
        RuntimeException[] caught = new RuntimeException[1];
        assertThatThrownBy(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                caught[0] = e;
                throw e;
            }
        }).isNotNull();
        return caught[0];
    }
}
