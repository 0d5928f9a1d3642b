package io.github.deepseekspring.rag.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The reference application reaches its backends through Spring AI interfaces and the starters' public beans (chat
 * model, embedding models, health indicators), never through the local runtime client directly.
 */
class ApplicationDependencyRulesTests {

	private static final JavaClasses APPLICATION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.deepseekspring.rag.app");

	@Test
	void applicationDoesNotUseTheLocalRuntimeClient() {
		noClasses().should().dependOnClassesThat().resideInAPackage("io.github.deepseekspring.local..").check(APPLICATION);
	}

}
