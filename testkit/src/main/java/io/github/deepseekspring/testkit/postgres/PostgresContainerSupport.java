package io.github.deepseekspring.testkit.postgres;

import java.util.Optional;

import io.github.deepseekspring.testkit.process.DockerEngine;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** Touches Testcontainers types; loaded only after {@link ContainerPostgres} saw them on the classpath. */
final class PostgresContainerSupport {

	/** The version the app's Compose file runs. */
	private static final String IMAGE = "postgres:17.6";

	private PostgresContainerSupport() {
	}

	static Optional<TestPostgres> startIfDockerAnswers() {
		if (!DockerEngine.answers()) {
			return Optional.empty();
		}
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "testkit-postgres-container-stop"));
		return Optional.of(new TestPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"testcontainers"));
	}

}
