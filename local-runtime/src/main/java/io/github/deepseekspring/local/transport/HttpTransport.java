package io.github.deepseekspring.local.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import io.github.deepseekspring.local.LocalRuntimeException;
import io.github.deepseekspring.local.LocalRuntimeTimeouts;
import io.github.deepseekspring.local.LocalRuntimeTimeoutException.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over the JDK {@link HttpClient} with the client's timeouts and typed errors. Internal. */
public final class HttpTransport {

	private final HttpClient client;
	private final JsonMapper mapper;
	private final LocalRuntimeTimeouts timeouts;
	private final ScheduledExecutorService timer;
	private final String apiKey;

	public HttpTransport(LocalRuntimeTimeouts timeouts, ScheduledExecutorService timer, String apiKey) {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeouts.connect())
				.build();
		this.mapper = WireJson.MAPPER;
		this.timeouts = timeouts;
		this.timer = timer;
		this.apiKey = apiKey;
	}

	public JsonMapper mapper() {
		return mapper;
	}

	public LocalRuntimeTimeouts timeouts() {
		return timeouts;
	}

	/** Sends a request and reads the whole JSON answer ({@code body} null means GET unless method says otherwise). */
	public JsonNode call(String method, URI uri, Object body, String model, Duration limit) {
		HttpRequest request = request(method, uri, body, limit);
		HttpResponse<String> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw RuntimeErrors.fromIo(e, endpoint(uri), timeouts.connect(), limit, Kind.REQUEST);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LocalRuntimeException("interrupted waiting for " + endpoint(uri), e);
		}
		if (response.statusCode() >= 400) {
			throw RuntimeErrors.fromStatus(response.statusCode(), response.body(), model, mapper);
		}
		String text = response.body();
		return text == null || text.isBlank() ? mapper.createObjectNode() : WireJson.parse(text);
	}

	/** Sends a streaming request; the answer is read line by line, under the first-token and idle limits. */
	public LineStream stream(URI uri, Object body, String model) {
		HttpRequest request = request("POST", uri, body, timeouts.firstToken());
		HttpResponse<InputStream> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException e) {
			throw RuntimeErrors.fromIo(e, endpoint(uri), timeouts.connect(), timeouts.firstToken(), Kind.FIRST_TOKEN);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LocalRuntimeException("interrupted waiting for " + endpoint(uri), e);
		}
		if (response.statusCode() >= 400) {
			throw RuntimeErrors.fromStatus(response.statusCode(), readAll(response.body()), model, mapper);
		}
		return new LineStream(response.body(), endpoint(uri), timeouts.firstToken(), timeouts.idle(), timer);
	}

	private HttpRequest request(String method, URI uri, Object body, Duration limit) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(limit).header("Accept", "application/json");
		if (apiKey != null) {
			builder.header("Authorization", "Bearer " + apiKey);
		}
		if (body == null) {
			return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
		}
		byte[] json = mapper.writeValueAsBytes(body);
		return builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(json)).build();
	}

	private static String readAll(InputStream body) {
		try (body) {
			return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String endpoint(URI uri) {
		return uri.getScheme() + "://" + uri.getAuthority();
	}

}
