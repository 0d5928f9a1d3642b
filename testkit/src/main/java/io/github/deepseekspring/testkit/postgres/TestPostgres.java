package io.github.deepseekspring.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
/**
 * A real PostgreSQL for tests, started at most once per JVM and shared by every test that asks for it; each test
 * takes a database of its own with {@link #newDatabase(String)}.
 *
 * <p>Where it comes from, in this order:
 * <ol>
 * <li>the {@code PG_URL} environment variable (or the {@code deepseek.testkit.postgres.url} system property), else
 * {@code SPRING_DATASOURCE_URL} when it names PostgreSQL: a server you run yourself, whose user ({@code PG_USER} or
 * {@code SPRING_DATASOURCE_USERNAME}, password {@code PG_PASSWORD} or {@code SPRING_DATASOURCE_PASSWORD}) may create
 * databases;</li>
 * <li>Testcontainers' {@code PostgreSQLContainer}, when {@code org.testcontainers:testcontainers-postgresql} is on the
 * classpath and a Docker engine answers;</li>
 * <li>the PostgreSQL binaries installed on the machine (Debian's {@code postgresql} package:
 * {@code /usr/lib/postgresql/<version>/bin}; or {@code initdb} on the {@code PATH}, or the folder named by
 * {@code PG_BIN}): a fresh cluster in a temporary folder, started as a child process on a free port of 127.0.0.1, as
 * an unprivileged user when the JVM runs as root (PostgreSQL refuses root), stopped when the JVM exits, and by a
 * watchdog even when the JVM is killed.</li>
 * </ol>
 * When none of them is there, {@link #shared()} skips the calling test (a JUnit assumption) with what to install, or
 * fails with that message when the environment variable {@code POSTGRES_TESTS_REQUIRED} is set (CI sets it where the
 * binaries are installed). The JDBC driver ({@code org.postgresql:postgresql}) must be on the test classpath.
 *
 * <pre>{@code
 * @BeforeAll
 * static void database() {
 *     TestPostgres.Database database = TestPostgres.shared().newDatabase("orders");
 *     // database.jdbcUrl(), database.springProperties()
 * }
 * }</pre>
 */
public final class TestPostgres {

	/** Set (to anything) where PostgreSQL must be there: the tests then fail instead of skipping. */
	public static final String REQUIRED_VARIABLE = "POSTGRES_TESTS_REQUIRED";

	private static final Pattern DATABASE_PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,30}");

	private static PostgresProvisioning.Outcome outcome;

	private final String jdbcUrl;

	private final String username;

	private final String password;

	private final String provisionedBy;

	TestPostgres(String jdbcUrl, String username, String password, String provisionedBy) {
		this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
		this.username = Objects.requireNonNull(username, "username");
		this.password = Objects.requireNonNull(password, "password");
		this.provisionedBy = Objects.requireNonNull(provisionedBy, "provisionedBy");
	}

	/**
	 * The PostgreSQL shared by every test of this JVM, provisioned on first use.
	 * @return a running PostgreSQL that accepts connections
	 * @throws org.opentest4j.TestAbortedException when there is none to use, so the test is skipped (unless
	 * {@value #REQUIRED_VARIABLE} is set)
	 * @throws IllegalStateException when there is none to use and {@value #REQUIRED_VARIABLE} is set, or when one
	 * was found but did not start (with the reason and its log tail)
	 */
	public static synchronized TestPostgres shared() {
		if (outcome == null) {
			outcome = PostgresProvisioning.provision();
		}
		String required = System.getenv(REQUIRED_VARIABLE);
		return outcome.orSkip(required != null && !required.isBlank());
	}

	/**
	 * Creates an empty database of its own for a test (or for several applications that must share one).
	 * @param prefix the start of its name: lower-case letters, digits and underscores; a random suffix follows
	 */
	public Database newDatabase(String prefix) {
		if (prefix == null || !DATABASE_PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("A database prefix is 1 to 31 lower-case letters, digits or underscores,"
					+ " starting with a letter: " + prefix);
		}
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name + " on " + this
					+ " (is the PostgreSQL JDBC driver org.postgresql:postgresql on the test classpath?): "
					+ ex.getMessage(), ex);
		}
		return new Database(PostgresUrls.withDatabase(this.jdbcUrl, name), this.username, this.password);
	}

	/** @return the JDBC URL of the server's own database, such as {@code jdbc:postgresql://127.0.0.1:5432/postgres} */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/**
	 * @return how this instance was provisioned: {@code PG_URL}, {@code SPRING_DATASOURCE_URL}, {@code testcontainers}
	 * or {@code binaries}
	 */
	public String provisionedBy() {
		return this.provisionedBy;
	}

	@Override
	public String toString() {
		return "TestPostgres[" + this.jdbcUrl + " via " + this.provisionedBy + "]";
	}

	/**
	 * A database of the shared server.
	 *
	 * @param jdbcUrl its JDBC URL
	 * @param username the user to connect as
	 * @param password that user's password
	 */
	public record Database(String jdbcUrl, String username, String password) {

		/** @return {@code spring.datasource.url}, {@code .username} and {@code .password} for a Spring Boot app */
		public Map<String, Object> springProperties() {
			return Map.of("spring.datasource.url", this.jdbcUrl, "spring.datasource.username", this.username,
					"spring.datasource.password", this.password);
		}

		@Override
		public String toString() {
			return "Database[" + this.jdbcUrl + " as " + this.username + "]";
		}

	}

}
