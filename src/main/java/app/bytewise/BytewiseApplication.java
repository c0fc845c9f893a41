package app.bytewise;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Bytewise: learn and drill the memory math of large language models.
 *
 * <p>The app shell loads Lumo first and the Bytewise theme (sources in {@code frontend/styles}) on
 * top, as plain style sheets: no frontend build is needed to change them.
 */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/bytewise.css")
@Meta(name = "description", content = "Learn and drill the GPU memory math of large language models.")
public class BytewiseApplication implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "styles/favicon.svg", "any");
    }

    public static void main(String[] args) {
        SpringApplication.run(BytewiseApplication.class, args);
    }
}
