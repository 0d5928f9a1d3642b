package io.github.deepseekspring.testkit.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs of PostgreSQL ({@code jdbc:postgresql://host:port/database?parameters}). */
final class PostgresUrls {

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

	private PostgresUrls() {
	}

	static boolean isPostgres(String url) {
		return url != null && URL.matcher(url.trim()).matches();
	}

	/** The same server and parameters, another database. */
	static String withDatabase(String url, String database) {
		Matcher matcher = URL.matcher(url.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
		}
		return matcher.group(1) + "/" + database + ((matcher.group(3) != null) ? matcher.group(3) : "");
	}

}
