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
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

import io.github.deepseekspring.model.timer.CoarseTimer;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of the DeepSeek HTTP API on the JDK {@link HttpClient}. Calls are lazy: nothing is sent before subscription,
 * and cancelling a subscription aborts the HTTP exchange (the connection is closed, so the server stops generating).
 * The API key is sent as a Bearer token and appears nowhere else: not in {@link #toString()}, logs or exceptions.
 */
public final class DeepSeekApi {

	/** How long a stream waits, after {@code [DONE]}, for the response body to end before cutting it. */
	static final Duration BODY_END_AFTER_DONE = Duration.ofMillis(250);

	private final URI baseUrl;

	private final String apiKey;

	// Created on first use: building a JDK HttpClient initialises the TLS stack, which would cost an
	// application's start-up a few hundred milliseconds before any request is made.
	private volatile HttpClient httpClient;

	private final Duration connectTimeout;

	private final ObjectMapper mapper;

	private final ChunkParser chunkParser;

	private DeepSeekApi(Builder builder) {
		String url = Objects.requireNonNull(builder.baseUrl, "baseUrl").toString();
		this.baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
		this.apiKey = builder.apiKey;
		this.httpClient = builder.httpClient;
		this.connectTimeout = builder.connectTimeout;
		this.mapper = builder.mapper;
		this.chunkParser = (this.mapper != null) ? new ChunkParser(this.mapper) : null;
	}

	public static Builder builder() {
		return new Builder();
	}

	private HttpClient httpClient() {
		HttpClient client = this.httpClient;
		if (client == null) {
			synchronized (this) {
				client = this.httpClient;
				if (client == null) {
					client = HttpClient.newBuilder()
						.version(HttpClient.Version.HTTP_1_1)
						.connectTimeout(this.connectTimeout)
						.build();
					this.httpClient = client;
				}
			}
		}
		return client;
	}

	/** The base URL requests go to. */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/** The JSON mapper used for the wire records. */
	public ObjectMapper mapper() {
		return (this.mapper != null) ? this.mapper : DefaultMapper.INSTANCE;
	}

	private ChunkParser chunkParser() {
		return (this.chunkParser != null) ? this.chunkParser : DefaultMapper.CHUNKS;
	}

	/** Built on first use, like the HTTP client, so that creating the API client costs start-up nothing. */
	private static final class DefaultMapper {

		static final ObjectMapper INSTANCE = JsonMapper.builder().build();

		static final ChunkParser CHUNKS = new ChunkParser(INSTANCE);

	}

	/** {@code POST /chat/completions} without streaming. Leading blank keep-alive lines are tolerated. */
	public Mono<ChatCompletion> chat(ChatCompletionRequest request) {
		return exchangeJson(chatPath(request), request.withStream(false), ChatCompletion.class);
	}

	/**
	 * {@code POST /chat/completions} without streaming, failing with {@link DeepSeekTimeoutException} when the server
	 * stays silent for {@code idleTimeout}. The blank lines DeepSeek sends while a request waits count as signs of
	 * life, so a long queue is not mistaken for a dead server.
	 */
	public Mono<ChatCompletion> chat(ChatCompletionRequest request, Duration idleTimeout) {
		return Mono.defer(() -> {
			HttpRequest httpRequest = post(chatPath(request), request.withStream(false), "application/json");
			long idleNanos = idleTimeout.toNanos();
			AtomicLong lastSignOfLife = new AtomicLong(System.nanoTime());
			Mono<Long> silence = CoarseTimer.shared().when(now -> now - lastSignOfLife.get() >= idleNanos);
			return Mono.fromFuture(() -> httpClient().sendAsync(httpRequest, BodyHandlers.ofPublisher()))
				.onErrorMap(DeepSeekApi::transportError)
				.flatMap(response -> JdkFlowAdapter.flowPublisherToFlux(response.body())
					.doOnNext(part -> lastSignOfLife.set(System.nanoTime()))
					.reduce(new ArrayList<ByteBuffer>(), (all, part) -> {
						all.addAll(part);
						return all;
					})
					.map(buffers -> {
						String body = decode(buffers);
						if (response.statusCode() >= 400) {
							throw ErrorBodies.toException(response.statusCode(), response.headers(), body, mapper(),
									this.apiKey);
						}
						return mapper().readValue(body.strip(), ChatCompletion.class);
					}))
				.timeout(silence, Mono.error(() -> new DeepSeekTimeoutException("idle", idleTimeout)))
				.onErrorMap(IOException.class, DeepSeekApi::transportError);
		});
	}

	/**
	 * {@code POST /chat/completions} with {@code stream: true}: emits keep-alives and chunks, completes at
	 * {@code [DONE]}, and fails with {@link DeepSeekTransportException} when the stream breaks off before it.
	 */
	public Flux<StreamEvent> chatStream(ChatCompletionRequest request) {
		return Flux.defer(() -> {
			HttpRequest httpRequest = post(chatPath(request), request.withStream(true), "text/event-stream");
			return Mono.fromFuture(() -> httpClient().sendAsync(httpRequest, BodyHandlers.ofPublisher()))
				.onErrorMap(DeepSeekApi::transportError)
				.flatMapMany(this::eventsOrError);
		});
	}

	/** Prefix completion (last assistant message with {@code prefix: true}) is a beta feature under {@code /beta}. */
	static String chatPath(ChatCompletionRequest request) {
		boolean prefix = request.messages() != null && !request.messages().isEmpty()
				&& Boolean.TRUE.equals(request.messages().get(request.messages().size() - 1).prefix());
		return prefix ? "/beta/chat/completions" : "/chat/completions";
	}

	/** {@code POST /beta/completions}: fill-in-the-middle code completion (non-thinking models only). */
	public Mono<FimCompletion> fim(FimRequest request) {
		return exchangeJson("/beta/completions", request, FimCompletion.class);
	}

	/** {@code GET /models}. */
	public Mono<ModelList> models() {
		return exchange(get("/models"), ModelList.class);
	}

	/** {@code GET /user/balance}. */
	public Mono<Balance> balance() {
		return exchange(get("/user/balance"), Balance.class);
	}

	private <T> Mono<T> exchangeJson(String path, Object body, Class<T> type) {
		return Mono.defer(() -> exchange(post(path, body, "application/json"), type));
	}

	private <T> Mono<T> exchange(HttpRequest httpRequest, Class<T> type) {
		return Mono.fromFuture(() -> httpClient().sendAsync(httpRequest, BodyHandlers.ofString(StandardCharsets.UTF_8)))
			.onErrorMap(DeepSeekApi::transportError)
			.map(response -> {
				if (response.statusCode() >= 400) {
					throw ErrorBodies.toException(response.statusCode(), response.headers(), response.body(),
							mapper(), this.apiKey);
				}
				return mapper().readValue(response.body().strip(), type);
			});
	}

	private Flux<StreamEvent> eventsOrError(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
		Flux<List<ByteBuffer>> body = JdkFlowAdapter.flowPublisherToFlux(response.body());
		if (response.statusCode() >= 400) {
			return body.reduce(new ArrayList<ByteBuffer>(), (all, part) -> {
				all.addAll(part);
				return all;
			}).flatMapMany(buffers -> Flux.error(ErrorBodies.toException(response.statusCode(), response.headers(),
					decode(buffers), mapper(), this.apiKey)));
		}
		return Flux.defer(() -> {
			StreamDecoder decoder = new StreamDecoder(chunkParser());
			return body.concatMapIterable(decoder::accept)
				.concatWith(Flux.defer(() -> Flux.fromIterable(decoder.finish())))
				.filter(decoder::deliverable)
				.takeUntilOther(decoder.doneFor(BODY_END_AFTER_DONE))
				.concatWith(Flux.defer(() -> decoder.done() ? Flux.empty()
						: Flux.error(new DeepSeekTransportException("stream ended before [DONE]"))))
				.onErrorMap(IOException.class, DeepSeekApi::transportError);
		});
	}

	private static String decode(List<ByteBuffer> buffers) {
		int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
		ByteBuffer all = ByteBuffer.allocate(size);
		buffers.forEach(all::put);
		return new String(all.array(), StandardCharsets.UTF_8);
	}

	private static Throwable transportError(Throwable error) {
		Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
		if (cause instanceof DeepSeekApiException || cause instanceof DeepSeekTransportException) {
			return cause;
		}
		return new DeepSeekTransportException("DeepSeek API unreachable: " + cause.getClass().getSimpleName()
				+ (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
	}

	private HttpRequest post(String path, Object body, String accept) {
		byte[] json = mapper().writeValueAsBytes(body);
		return authorized(path).header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofByteArray(json))
			.build();
	}

	private HttpRequest get(String path) {
		return authorized(path).header("Accept", "application/json").GET().build();
	}

	private HttpRequest.Builder authorized(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		if (this.apiKey != null && !this.apiKey.isBlank()) {
			builder.header("Authorization", "Bearer " + this.apiKey);
		}
		return builder;
	}

	@Override
	public String toString() {
		return "DeepSeekApi[" + this.baseUrl + ", apiKey=" + (this.apiKey == null ? "none" : "***") + "]";
	}

	/** Builder of {@link DeepSeekApi}. */
	public static final class Builder {

		private URI baseUrl = URI.create("https://api.deepseek.com");

		private String apiKey;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private HttpClient httpClient;

		private ObjectMapper mapper;

		public Builder baseUrl(URI baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		public Builder baseUrl(String baseUrl) {
			return baseUrl(URI.create(baseUrl));
		}

		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = Objects.requireNonNull(connectTimeout);
			return this;
		}

		/** A ready client (its connect timeout then wins over {@link #connectTimeout}). */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = httpClient;
			return this;
		}

		public Builder mapper(ObjectMapper mapper) {
			this.mapper = mapper;
			return this;
		}

		public DeepSeekApi build() {
			return new DeepSeekApi(this);
		}

	}

}
