package io.github.deepseekspring.rag;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The RAG library depends on Spring AI and its stores only: never on the DeepSeek model, its auto-configuration, the
 * local runtime client or the reference application; no web layer or security; Spring Boot only in its own
 * auto-configuration; no cycles between its packages.
 */
class LibraryDependencyRulesTests {

	private static final JavaClasses LIBRARY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.deepseekspring.rag");

	@Test
	void libraryKnowsNoModelNoStarterAndNoApplication() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.deepseekspring.model..", "io.github.deepseekspring.autoconfigure..",
					"io.github.deepseekspring.local..", "io.github.deepseekspring.rag.app..",
					"io.github.deepseekspring.testkit..")
			.check(LIBRARY);
	}

	@Test
	void libraryHasNoWebLayerAndNoSecurity() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
					"org.springframework.security..")
			.check(LIBRARY);
	}

	@Test
	void onlyTheAutoConfigurationUsesSpringBoot() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.deepseekspring.rag.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(LIBRARY);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.github.deepseekspring.rag.(*)..").should().beFreeOfCycles().check(LIBRARY);
	}

}
