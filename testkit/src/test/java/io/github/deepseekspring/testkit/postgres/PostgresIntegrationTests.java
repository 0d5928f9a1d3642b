package io.github.deepseekspring.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves the provisioned PostgreSQL is real and isolates tests: a server that reports itself as PostgreSQL, databases
 * of their own per test, transactions that roll back, and PostgreSQL's own SQL (upsert, {@code jsonb}).
 */
class PostgresIntegrationTests {

	private static TestPostgres postgres;

	private static TestPostgres.Database database;

	@BeforeAll
	static void database() {
		postgres = TestPostgres.shared();
		database = postgres.newDatabase("testkit_proof");
	}

	@Test
	void isARealPostgresSharedAcrossTheJvm() throws SQLException {
		assertThat(TestPostgres.shared()).isSameAs(postgres);
		assertThat(postgres.provisionedBy()).isIn("PG_URL", "SPRING_DATASOURCE_URL", "testcontainers", "binaries");
		assertThat(query(database, "select version()")).singleElement().asString().startsWith("PostgreSQL ");
		assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://").contains("/testkit_proof_");
		assertThat(database.springProperties()).containsEntry("spring.datasource.url", database.jdbcUrl())
			.containsKeys("spring.datasource.username", "spring.datasource.password");
	}

	@Test
	void eachDatabaseIsEmptyAndItsOwn() throws SQLException {
		TestPostgres.Database other = postgres.newDatabase("testkit_proof");
		assertThat(other.jdbcUrl()).isNotEqualTo(database.jdbcUrl());
		update(other, "create table only_here (id int)");
		assertThat(query(database, "select table_name from information_schema.tables where table_name = 'only_here'"))
			.isEmpty();
		assertThat(query(other, "select table_name from information_schema.tables where table_name = 'only_here'"))
			.containsExactly("only_here");
	}

	@Test
	void speaksPostgresSqlWithTransactions() throws SQLException {
		update(database, "create table counter (name varchar(20) primary key, n bigint not null, meta jsonb)");
		for (int i = 0; i < 3; i++) {
			update(database, "insert into counter values ('hits', 1, '{\"a\": 1}') "
					+ "on conflict (name) do update set n = counter.n + 1");
		}
		try (Connection connection = connect(database)) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("update counter set n = 100");
			}
			connection.rollback();
		}
		assertThat(query(database, "select n || ':' || (meta ->> 'a') from counter")).containsExactly("3:1");
	}

	@Test
	void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> postgres.newDatabase("x; drop"))
			.withMessageContaining("lower-case letters");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> postgres.newDatabase("Upper"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> postgres.newDatabase(null));
	}

	private static Connection connect(TestPostgres.Database database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	private static void update(TestPostgres.Database database, String sql) throws SQLException {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

	private static List<String> query(TestPostgres.Database database, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect(database); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
