package app.bytewise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries, checked on every build. */
class ArchitectureTest {

    private static final String[] PURE_CORES = {"app.bytewise.engine..", "app.bytewise.quant..", "app.bytewise.drill..",
            "app.bytewise.lesson.."};
    private static final String[] ALL_CORES = {"app.bytewise.engine..", "app.bytewise.quant..", "app.bytewise.drill..",
            "app.bytewise.progress..", "app.bytewise.classroom..", "app.bytewise.lesson.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.bytewise");
    }

    @Test
    void pureCoresKnowNoFramework() {
        ArchRule rule = noClasses().that().resideInAnyPackage(PURE_CORES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta.persistence..", "jakarta.servlet..",
                        "org.hibernate..", "org.jfree..")
                .because("engine, quant and drill are plain Java, usable and testable without a container");
        rule.check(classes);
    }

    @Test
    void pureCoresDependOnNoOtherFeature() {
        noClasses().that().resideInAnyPackage(PURE_CORES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.bytewise.ui..", "app.bytewise.api..", "app.bytewise.progress..",
                        "app.bytewise.classroom..", "app.bytewise.security..", "app.bytewise.config..")
                .check(classes);
    }

    @Test
    void coresNeverDependOnTheirAdapters() {
        noClasses().that().resideInAnyPackage(ALL_CORES)
                .should().dependOnClassesThat().resideInAnyPackage("app.bytewise.ui..", "app.bytewise.api..")
                .because("ui and api depend on the cores, never the reverse")
                .check(classes);
    }

    @Test
    void uiAndApiAreIndependentAdapters() {
        noClasses().that().resideInAPackage("app.bytewise.api..")
                .should().dependOnClassesThat().resideInAPackage("app.bytewise.ui..")
                .check(classes);
        noClasses().that().resideInAPackage("app.bytewise.ui..")
                .should().dependOnClassesThat().resideInAPackage("app.bytewise.api..")
                .check(classes);
    }
}
