package io.github.deepseekspring.testkit.postgres;

import java.util.Optional;

import io.github.deepseekspring.testkit.process.OptionalClasses;

/**
 * Testcontainers' PostgreSQL, used only when its module is on the classpath and a Docker engine answers; its types
 * are touched only in {@link PostgresContainerSupport}, so this class loads without Testcontainers.
 */
final class ContainerPostgres {

	private ContainerPostgres() {
	}

	static Optional<TestPostgres> startIfDockerAnswers() {
		if (!OptionalClasses.isPresent("org.testcontainers.postgresql.PostgreSQLContainer")) {
			return Optional.empty();
		}
		return PostgresContainerSupport.startIfDockerAnswers();
	}

}
