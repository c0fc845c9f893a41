package app.bytewise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.SpringServlet;
import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The Vaadin servlet parses multipart bodies only up to the largest upload a page takes. */
@SpringBootTest
@ActiveProfiles("test")
class UploadLimitsConfigTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void theVaadinServletHasBoundedMultipartParsing() {
        MultipartConfigElement multipart = context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .filter(r -> r.getServlet() instanceof SpringServlet)
                .map(ServletRegistrationBean::getMultipartConfig)
                .findFirst().orElseThrow();
        // Vaadin's starter registers -1 (no limit) for both.
        assertThat(multipart.getMaxFileSize()).isEqualTo(16L * 1024 * 1024 + 256);
        assertThat(multipart.getMaxRequestSize()).isEqualTo(16L * 1024 * 1024 + 256 + 64 * 1024);
    }
}
