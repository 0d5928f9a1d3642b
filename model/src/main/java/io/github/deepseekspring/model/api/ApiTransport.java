package io.github.deepseekspring.model.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.deepseekspring.model.timer.CoarseTimer;
import org.apache.commons.logging.LogFactory;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link DeepSeekApi} does on the wire: HTTP exchanges, JSON, the event stream. Kept apart and created on the
 * first request, so that creating the client (a bean at application start-up) loads and links none of the HTTP,
 * JSON and stream classes: Spring reflects on every bean's class, which resolves all the types its members
 * mention.
 */
final class ApiTransport {

	/** How long a stream waits, after {@code [DONE]}, for the response body to end before cutting it. */
	static final Duration BODY_END_AFTER_DONE = Duration.ofMillis(250);

	private final URI baseUrl;

	/** The endpoints' URIs, parsed once: parsing one per request was 2% of a call's CPU. */
	private final Map<String, URI> endpoints = new ConcurrentHashMap<>();

	private final String apiKey;

	private final HttpClient httpClient;

	private final ObjectMapper mapper;

	private final ChunkParser chunkParser;

	private final long maxRequestBytes;

	ApiTransport(URI baseUrl, String apiKey, Duration connectTimeout, HttpClient httpClient, ObjectMapper mapper,
			long maxRequestBytes) {
		warnIfTheJdkLogsHeaders();
		this.maxRequestBytes = maxRequestBytes;
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.httpClient = (httpClient != null) ? httpClient
				: HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
		this.mapper = (mapper != null) ? mapper : DefaultMapper.INSTANCE;
		this.chunkParser = (mapper != null) ? new ChunkParser(mapper) : DefaultMapper.CHUNKS;
	}

	/**
	 * The JDK HTTP client's own diagnostics ({@code -Djdk.httpclient.HttpClient.log=headers} or {@code all}) print
	 * every request header, the API key's Authorization header included; nothing a client does can redact them.
	 */
	private static void warnIfTheJdkLogsHeaders() {
		String jdkLog = System.getProperty("jdk.httpclient.HttpClient.log", "");
		if ((jdkLog.contains("headers") || jdkLog.contains("all")) && JDK_LOG_WARNED.compareAndSet(false, true)) {
			LogFactory.getLog(DeepSeekApi.class)
				.warn("jdk.httpclient.HttpClient.log=" + jdkLog + " makes the JDK print request headers, the DeepSeek "
						+ "API key included: turn it off outside a debugging session");
		}
	}

	private static final AtomicBoolean JDK_LOG_WARNED = new AtomicBoolean();

	/** Built once for all clients without a mapper of their own. */
	private static final class DefaultMapper {

		static final ObjectMapper INSTANCE = JsonMapper.builder().build();

		static final ChunkParser CHUNKS = new ChunkParser(INSTANCE);

	}

	Mono<ChatCompletion> chat(ChatCompletionRequest request) {
		return exchangeJson(DeepSeekApi.chatPath(request), request.withStream(false), ChatCompletion.class);
	}

	Mono<ChatCompletion> chat(ChatCompletionRequest request, Duration idleTimeout) {
		return Mono.defer(() -> {
			HttpRequest httpRequest = post(DeepSeekApi.chatPath(request), request.withStream(false), "application/json");
			long idleNanos = idleTimeout.toNanos();
			AtomicLong lastSignOfLife = new AtomicLong(System.nanoTime());
			Mono<Long> silence = CoarseTimer.shared().when(now -> now - lastSignOfLife.get() >= idleNanos);
			return Mono.fromFuture(() -> this.httpClient.sendAsync(httpRequest, BodyHandlers.ofPublisher()))
				.onErrorMap(ApiTransport::transportError)
				.flatMap(response -> text(JdkFlowAdapter.flowPublisherToFlux(response.body())
					.doOnNext(part -> lastSignOfLife.set(System.nanoTime())))
					.map(body -> {
						if (response.statusCode() >= 400) {
							throw ErrorBodies.toException(response.statusCode(), response.headers(), body, this.mapper,
									this.apiKey);
						}
						return read(body, ChatCompletion.class);
					}))
				.timeout(silence, Mono.error(() -> new DeepSeekTimeoutException("idle", idleTimeout)))
				.onErrorMap(IOException.class, ApiTransport::transportError);
		});
	}

	Flux<StreamEvent> chatStream(ChatCompletionRequest request) {
		return Flux.defer(() -> {
			HttpRequest httpRequest = post(DeepSeekApi.chatPath(request), request.withStream(true), "text/event-stream");
			return Mono.fromFuture(() -> this.httpClient.sendAsync(httpRequest, BodyHandlers.ofPublisher()))
				.onErrorMap(ApiTransport::transportError)
				.flatMapMany(this::eventsOrError);
		});
	}

	Mono<FimCompletion> fim(FimRequest request) {
		return exchangeJson("/beta/completions", request, FimCompletion.class);
	}

	Mono<ModelList> models() {
		return exchange(get("/models"), ModelList.class);
	}

	Mono<Balance> balance() {
		return exchange(get("/user/balance"), Balance.class);
	}

	private <T> Mono<T> exchangeJson(String path, Object body, Class<T> type) {
		return Mono.defer(() -> exchange(post(path, body, "application/json"), type));
	}

	private <T> Mono<T> exchange(HttpRequest httpRequest, Class<T> type) {
		return Mono.fromFuture(() -> this.httpClient.sendAsync(httpRequest, BodyHandlers.ofString(StandardCharsets.UTF_8)))
			.onErrorMap(ApiTransport::transportError)
			.map(response -> {
				if (response.statusCode() >= 400) {
					throw ErrorBodies.toException(response.statusCode(), response.headers(), response.body(),
							this.mapper, this.apiKey);
				}
				return read(response.body(), type);
			});
	}

	private <T> T read(String body, Class<T> type) {
		try {
			return this.mapper.readValue(body.strip(), type);
		}
		catch (JacksonException ex) {
			throw DeepSeekProtocolException.of(ex);
		}
	}

	private Flux<StreamEvent> eventsOrError(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
		Flux<List<ByteBuffer>> body = JdkFlowAdapter.flowPublisherToFlux(response.body());
		if (response.statusCode() >= 400) {
			return text(body).flatMapMany(text -> Flux.error(ErrorBodies.toException(response.statusCode(),
					response.headers(), text, this.mapper, this.apiKey)));
		}
		return Flux.defer(() -> {
			StreamDecoder decoder = new StreamDecoder(this.chunkParser);
			return body.concatMapIterable(decoder::accept)
				.concatWith(Flux.defer(() -> Flux.fromIterable(decoder.finish())))
				.filter(decoder::deliverable)
				.takeUntilOther(decoder.doneFor(BODY_END_AFTER_DONE))
				.concatWith(Flux.defer(() -> decoder.done() ? Flux.empty()
						: Flux.error(new DeepSeekTransportException("stream ended before [DONE]"))))
				.onErrorMap(IOException.class, ApiTransport::transportError);
		});
	}

	/** The whole body as UTF-8 text. */
	private static Mono<String> text(Flux<List<ByteBuffer>> body) {
		return body.collect(ArrayList<ByteBuffer>::new, List::addAll).map(ApiTransport::decode);
	}

	private static String decode(List<ByteBuffer> buffers) {
		int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
		ByteBuffer all = ByteBuffer.allocate(size);
		buffers.forEach(all::put);
		return new String(all.array(), StandardCharsets.UTF_8);
	}

	private static Throwable transportError(Throwable error) {
		Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
		if (cause instanceof DeepSeekApiException || cause instanceof DeepSeekTransportException
				|| cause instanceof DeepSeekProtocolException) {
			return cause;
		}
		return new DeepSeekTransportException("DeepSeek API unreachable: " + cause.getClass().getSimpleName()
				+ (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
	}

	private HttpRequest post(String path, Object body, String accept) {
		byte[] json = this.mapper.writeValueAsBytes(body);
		if (json.length > this.maxRequestBytes) {
			throw new RequestTooLargeException(json.length, this.maxRequestBytes);
		}
		return authorized(path).header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofByteArray(json))
			.build();
	}

	private HttpRequest get(String path) {
		return authorized(path).header("Accept", "application/json").GET().build();
	}

	private HttpRequest.Builder authorized(String path) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(this.endpoints.computeIfAbsent(path, (endpoint) -> URI.create(this.baseUrl + endpoint)));
		if (this.apiKey != null && !this.apiKey.isBlank()) {
			builder.header("Authorization", "Bearer " + this.apiKey);
		}
		return builder;
	}

}
