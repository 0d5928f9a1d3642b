package io.github.deepseekspring.rag.app.replicas;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A browser-like client of both replicas: one cookie jar, so what one replica set (the chat cookie, the admin's session
 * cookie) goes to the other as well, as a browser behind a load balancer sends it (same host, another port). It never
 * follows redirects (tests read them), and error statuses are answers, not exceptions.
 */
final class Browser {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final RestClient rest;

	private Browser(String authorization) {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
		RestClient.Builder builder = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory(http))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			});
		if (authorization != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
		}
		this.rest = builder.build();
	}

	/** A customer, or an administrator before signing in. */
	static Browser anonymous() {
		return new Browser(null);
	}

	/** An API client of the administrator (HTTP Basic on every request, no session). */
	static Browser adminApi() {
		return new Browser("Basic " + Base64.getEncoder()
			.encodeToString(("admin:" + TwoReplicas.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}

	/** A client of the code assistant with the replicas' API key. */
	static Browser withApiKey() {
		return new Browser("Bearer " + TwoReplicas.API_KEY);
	}

	ResponseEntity<JsonNode> get(Replica replica, String path) {
		return this.rest.get().uri(replica.url(path)).retrieve().toEntity(JsonNode.class);
	}

	ResponseEntity<String> page(Replica replica, String path) {
		return this.rest.get().uri(replica.url(path)).accept(MediaType.TEXT_HTML, MediaType.ALL).retrieve()
			.toEntity(String.class);
	}

	ResponseEntity<JsonNode> post(Replica replica, String path, Object json) {
		return this.rest.post().uri(replica.url(path)).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
			.toEntity(JsonNode.class);
	}

	/** A form as a browser posts it: URL-encoded, or multipart when it holds a file. */
	ResponseEntity<String> submit(Replica replica, String path, MultiValueMap<String, ?> form, boolean multipart) {
		return this.rest.post().uri(replica.url(path))
			.contentType(multipart ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_FORM_URLENCODED)
			.body(form).retrieve().toEntity(String.class);
	}

	ResponseEntity<JsonNode> delete(Replica replica, String path) {
		return this.rest.delete().uri(replica.url(path)).retrieve().toEntity(JsonNode.class);
	}

	/** The CSRF token a page's form carries (the session's token). */
	static String csrfToken(String page) {
		Matcher matcher = CSRF_FIELD.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF field in the page:\n" + page);
		}
		return matcher.group(1);
	}

}
