package io.github.deepseekspring.testkit.postgres;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What a test gets when no PostgreSQL can be had: skipped with what to install, or failed where it is required. */
class PostgresProvisioningTests {

	private static final PostgresProvisioning.Outcome NONE = PostgresProvisioning.none();

	@Test
	void withoutAServerTheTestIsSkippedSayingWhatToInstall() {
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> NONE.orSkip(false))
			.withMessageContaining("apt-get install postgresql")
			.withMessageContaining("PG_URL");
	}

	@Test
	void whereRequiredAMissingServerFailsTheTest() {
		assertThatIllegalStateException().isThrownBy(() -> NONE.orSkip(true))
			.withMessageContaining("apt-get install postgresql")
			.withMessageContaining("POSTGRES_TESTS_REQUIRED is set");
	}

	@Test
	void aServerIsReturnedWhetherRequiredOrNot() {
		TestPostgres postgres = new TestPostgres("jdbc:postgresql://127.0.0.1:1/postgres", "test", "test", "PG_URL");
		PostgresProvisioning.Outcome found = new PostgresProvisioning.Outcome(postgres, null);
		assertThat(found.orSkip(false)).isSameAs(postgres);
		assertThat(found.orSkip(true)).isSameAs(postgres);
	}

}
