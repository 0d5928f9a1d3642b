package io.github.deepseekspring.testkit.postgres;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/** Picks where the shared PostgreSQL comes from, in the order {@link TestPostgres} documents. */
final class PostgresProvisioning {

	static final String URL_PROPERTY = "deepseek.testkit.postgres.url";

	private PostgresProvisioning() {
	}

	static Outcome provision() {
		Optional<TestPostgres> configured = configured();
		if (configured.isPresent()) {
			return new Outcome(configured.get(), null);
		}
		Optional<TestPostgres> container = ContainerPostgres.startIfDockerAnswers();
		if (container.isPresent()) {
			return new Outcome(container.get(), null);
		}
		Optional<Path> binaries = PostgresBinaries.locate();
		if (binaries.isPresent()) {
			return new Outcome(DistributionPostgres.start(binaries.get()), null);
		}
		return none();
	}

	/** No server: the reason names what to set or install. */
	static Outcome none() {
		return new Outcome(null, "No PostgreSQL for this test: set PG_URL to a running server, start a Docker engine,"
				+ " or install PostgreSQL's server binaries (Debian: apt-get install postgresql; looked at "
				+ PostgresBinaries.candidates() + ")");
	}

	private static Optional<TestPostgres> configured() {
		String url = firstSet(System.getProperty(URL_PROPERTY), System.getenv("PG_URL"));
		if (url != null) {
			return Optional.of(new TestPostgres(url, orDefault(System.getenv("PG_USER"), "postgres"),
					orDefault(System.getenv("PG_PASSWORD"), ""), "PG_URL"));
		}
		String spring = System.getenv("SPRING_DATASOURCE_URL");
		if (PostgresUrls.isPostgres(spring)) {
			return Optional.of(new TestPostgres(spring.trim(),
					orDefault(System.getenv("SPRING_DATASOURCE_USERNAME"), "postgres"),
					orDefault(System.getenv("SPRING_DATASOURCE_PASSWORD"), ""), "SPRING_DATASOURCE_URL"));
		}
		return Optional.empty();
	}

	private static String firstSet(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

	private static String orDefault(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/** A server, or why there is none. */
	record Outcome(TestPostgres postgres, String unavailable) {

		/**
		 * @param required whether a missing server fails the test rather than skipping it
		 * @return the server
		 */
		TestPostgres orSkip(boolean required) {
			if (this.postgres != null) {
				return this.postgres;
			}
			if (required) {
				throw new IllegalStateException(
						this.unavailable + " (" + TestPostgres.REQUIRED_VARIABLE + " is set, so this fails)");
			}
			Assumptions.abort(this.unavailable);
			return null;
		}

	}

}
