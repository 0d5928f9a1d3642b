package io.github.deepseekspring.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The model layer knows no Boot wiring, no auto-configuration and no application. */
class ModuleDependencyRulesTests {

	private static final JavaClasses MODEL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.deepseekspring.model");

	@Test
	void modelDoesNotDependOnSpringBoot() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(MODEL);
	}

	@Test
	void modelDoesNotDependOnAutoconfigureOrApplications() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.deepseekspring.autoconfigure..", "io.github.deepseekspring.rag..",
					"io.github.deepseekspring.testkit..")
			.check(MODEL);
	}

	@Test
	void wireRecordsDoNotDependOnSpringAi() {
		noClasses().that()
			.resideInAPackage("io.github.deepseekspring.model.api..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(MODEL);
	}

}
