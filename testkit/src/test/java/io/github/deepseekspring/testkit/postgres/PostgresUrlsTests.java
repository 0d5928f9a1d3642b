package io.github.deepseekspring.testkit.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostgresUrlsTests {

	@Test
	void swapsTheDatabaseKeepingServerAndParameters() {
		assertThat(PostgresUrls.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=require", "t_1"))
			.isEqualTo("jdbc:postgresql://db:5432/t_1?sslmode=require");
		assertThat(PostgresUrls.withDatabase("jdbc:postgresql://127.0.0.1:41234/", "t_1"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:41234/t_1");
		assertThat(PostgresUrls.withDatabase("jdbc:postgresql://a:1,b:2", "t_1")).isEqualTo("jdbc:postgresql://a:1,b:2/t_1");
	}

	@Test
	void knowsPostgresUrlsFromOthers() {
		assertThat(PostgresUrls.isPostgres("jdbc:postgresql://db/app")).isTrue();
		assertThat(PostgresUrls.isPostgres("jdbc:h2:file:./data/rag")).isFalse();
		assertThat(PostgresUrls.isPostgres(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> PostgresUrls.withDatabase("jdbc:h2:mem:x", "t_1"))
			.withMessageContaining("Not a PostgreSQL JDBC URL");
	}

}
