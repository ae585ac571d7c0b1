package org.clearinghouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of DESIGN.md: dependencies point down only, and each third-party library is
 * imported by the one package that owns it. Fails the build when a class crosses a line.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.clearinghouse");
    }

    @Test
    void layersDependDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("app").definedBy("org.clearinghouse.app..")
                .layer("web").definedBy("org.clearinghouse.web..")
                .layer("wiki").definedBy("org.clearinghouse.wiki..")
                .layer("store").definedBy("org.clearinghouse.store..")
                .layer("render").definedBy("org.clearinghouse.render..")
                .layer("search").definedBy("org.clearinghouse.search..")
                .layer("account").definedBy("org.clearinghouse.account..")
                .layer("page").definedBy("org.clearinghouse.page..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("app")
                .whereLayer("wiki").mayOnlyBeAccessedByLayers("web", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("wiki", "app")
                .whereLayer("search").mayOnlyBeAccessedByLayers("wiki", "web", "app")
                .whereLayer("render").mayOnlyBeAccessedByLayers("wiki", "web", "app")
                .whereLayer("account").mayOnlyBeAccessedByLayers("web", "app")
                .whereLayer("page").mayOnlyBeAccessedByLayers("web", "wiki", "store", "render", "search", "account",
                        "app")
                .check(classes);
    }

    @Test
    void jgitIsImportedByTheStoreOnly() {
        onlyPackageUses("org.clearinghouse.store..", "org.eclipse.jgit..");
    }

    @Test
    void flexmarkJsoupAndYamlAreImportedByTheRendererOnly() {
        onlyPackageUses("org.clearinghouse.render..", "com.vladsch.flexmark..");
        onlyPackageUses("org.clearinghouse.render..", "org.jsoup..");
        onlyPackageUses("org.clearinghouse.render..", "org.yaml..");
    }

    @Test
    void romeIsImportedByTheWebOnly() {
        onlyPackageUses("org.clearinghouse.web..", "com.rometools..");
    }

    @Test
    void theWebNeverSeesTheRevisionIndexItself() {
        noClasses().that().resideInAPackage("org.clearinghouse.web..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.clearinghouse.search.RevisionIndex")
                .check(classes);
    }

    @Test
    void bcryptIsImportedByTheAccountsOnly() {
        onlyPackageUses("org.clearinghouse.account..", "at.favre..");
    }

    @Test
    void luceneIsImportedBySearchOnly() {
        onlyPackageUses("org.clearinghouse.search..", "org.apache.lucene..");
    }

    @Test
    void javalinAndPebbleStayInTheWebAndAppLayers() {
        noClasses().that().resideOutsideOfPackages("org.clearinghouse.web..", "org.clearinghouse.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.pebbletemplates..",
                        "org.eclipse.jetty..")
                .check(classes);
        // The one exception: Git's smart HTTP servlet is built where JGit lives, and handed out
        // as a plain servlet for the web layer to mount.
        noClasses().that().resideOutsideOfPackages("org.clearinghouse.web..", "org.clearinghouse.app..")
                .and().doNotHaveFullyQualifiedName("org.clearinghouse.store.GitHttpTransport")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theWebSeesSearchResultsButNeverTheIndexOrTheStore() {
        noClasses().that().resideInAPackage("org.clearinghouse.web..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.clearinghouse.search.SearchIndex")
                .orShould().dependOnClassesThat().resideInAPackage("org.clearinghouse.store..")
                .check(classes);
    }

    @Test
    void thePageModelImportsNoLibrary() {
        noClasses().that().resideInAPackage("org.clearinghouse.page..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.clearinghouse.page..")
                .check(classes);
    }

    private static void onlyPackageUses(String owner, String library) {
        noClasses().that().resideOutsideOfPackage(owner)
                .should().dependOnClassesThat().resideInAPackage(library)
                .allowEmptyShould(true)
                .check(classes);
    }
}
