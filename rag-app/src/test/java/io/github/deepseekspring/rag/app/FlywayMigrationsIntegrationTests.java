package io.github.deepseekspring.rag.app;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.github.deepseekspring.testkit.postgres.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's Flyway migrations run on both databases it supports, the embedded H2 of a first run and PostgreSQL of a
 * deployment, and leave the same tables with the same columns, nullability and primary keys, so that code tested on
 * one works on the other.
 */
class FlywayMigrationsIntegrationTests {

	private static final String LOCATION = "classpath:db/migration";

	@Test
	void migrateH2AndPostgresToTheSameSchema() throws SQLException {
		TestPostgres.Database postgres = TestPostgres.shared().newDatabase("migrations");
		String h2 = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

		MigrateResult onPostgres = migrate(postgres.jdbcUrl(), postgres.username(), postgres.password());
		MigrateResult onH2 = migrate(h2, "sa", "");

		assertThat(onPostgres.success).isTrue();
		assertThat(onH2.success).isTrue();
		assertThat(onPostgres.migrationsExecuted).isEqualTo(onH2.migrationsExecuted).isPositive();
		assertThat(onPostgres.targetSchemaVersion).isEqualTo(onH2.targetSchemaVersion);
		Map<String, SortedSet<String>> postgresSchema = schema(postgres.jdbcUrl(), postgres.username(),
				postgres.password(), "public");
		assertThat(postgresSchema).containsKeys("conversation", "message", "feedback", "ticket", "audit_log",
				"code_token_usage", "spring_session", "spring_session_attributes");
		assertThat(schema(h2, "sa", "", "PUBLIC")).isEqualTo(postgresSchema);
	}

	private static MigrateResult migrate(String url, String user, String password) {
		return Flyway.configure().dataSource(url, user, password).locations(LOCATION).load().migrate();
	}

	/** Each table's columns as {@code name null|not-null}, and its primary key, in lower case. */
	private static SortedMap<String, SortedSet<String>> schema(String url, String user, String password, String schema)
			throws SQLException {
		SortedMap<String, SortedSet<String>> tables = new TreeMap<>();
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			DatabaseMetaData metadata = connection.getMetaData();
			try (ResultSet columns = metadata.getColumns(null, schema, "%", "%")) {
				while (columns.next()) {
					String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
					if (!table.equals("flyway_schema_history")) {
						tables.computeIfAbsent(table, (name) -> new TreeSet<>())
							.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
									+ (columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? "not-null" : "null"));
					}
				}
			}
			for (Map.Entry<String, SortedSet<String>> table : tables.entrySet()) {
				String name = (schema.equals("PUBLIC")) ? table.getKey().toUpperCase(Locale.ROOT) : table.getKey();
				try (ResultSet keys = metadata.getPrimaryKeys(null, schema, name)) {
					while (keys.next()) {
						table.getValue().add("primary key " + keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return tables;
	}

}
