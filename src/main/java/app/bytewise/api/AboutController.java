package app.bytewise.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/about}: what this server is, for clients checking the API version. */
@RestController
@RequestMapping("/api/v1")
class AboutController {

    record About(String name, String apiVersion) {
    }

    @GetMapping("/about")
    About about() {
        return new About("Bytewise", "v1");
    }
}
