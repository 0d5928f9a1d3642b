package io.github.deepseekspring.rag.store.elasticsearch;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the cluster is and, when its security is on, who the app signs in as: {@code spring.elasticsearch.username}
 * and {@code password}, or the user info of the URI ({@code https://user:secret@es:9200}). The password never
 * appears in {@link #toString()}.
 */
public record ElasticsearchConnection(URI uri, String username, String password) {

	/** A connection with the credentials given, else those in the URI's user info, else none. */
	public static ElasticsearchConnection of(URI uri, String username, String password) {
		if ((username == null || username.isBlank()) && uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			username = decode(parts[0]);
			password = parts.length > 1 ? decode(parts[1]) : "";
		}
		return new ElasticsearchConnection(uri, username, password);
	}

	public static ElasticsearchConnection of(URI uri) {
		return of(uri, null, null);
	}

	/** The {@code Authorization} header value for HTTP Basic, when a user is set. */
	Optional<String> basicAuthorization() {
		if (this.username == null || this.username.isBlank()) {
			return Optional.empty();
		}
		String pair = this.username + ":" + (this.password != null ? this.password : "");
		return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
	}

	/** The cluster's root URL, without user info. */
	public URI root() {
		return URI.create(this.uri.getScheme() + "://" + this.uri.getHost()
				+ (this.uri.getPort() >= 0 ? ":" + this.uri.getPort() : "") + "/");
	}

	private static String decode(String part) {
		return URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		String where = root().toString();
		return (this.username == null || this.username.isBlank()) ? where : this.username + "@" + where;
	}

}
