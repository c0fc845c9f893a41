package app.bytewise.ui;

import com.vaadin.flow.spring.SpringServlet;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A size bound on multipart requests to the Vaadin servlet. Vaadin's Spring Boot starter registers
 * its servlet with an unbounded {@code MultipartConfigElement}, so the container would write a
 * multipart body of any size to disk before an upload handler could refuse it. With these bounds
 * Tomcat stops reading once a part or the request is larger (the {@code maxFileSize} and
 * {@code maxRequestSize} of {@code jakarta.servlet.MultipartConfigElement}), and the upload fails
 * without a byte more stored.
 */
@Configuration
class UploadLimitsConfig {

    /** The largest file any page takes: the lab's 16 MiB {@code .npy} with its header. */
    static final long MAX_FILE_BYTES = 16 * 1024 * 1024 + 256;
    static final long MAX_REQUEST_BYTES = MAX_FILE_BYTES + BoundedUploadHandler.MULTIPART_OVERHEAD;

    @Bean
    static BeanPostProcessor vaadinServletMultipartLimits() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ServletRegistrationBean<?> registration
                        && registration.getServlet() instanceof SpringServlet) {
                    // Threshold 0: parts go to temporary files as before, now at most MAX_FILE_BYTES each.
                    registration.setMultipartConfig(new MultipartConfigElement("", MAX_FILE_BYTES, MAX_REQUEST_BYTES, 0));
                }
                return bean;
            }
        };
    }
}
