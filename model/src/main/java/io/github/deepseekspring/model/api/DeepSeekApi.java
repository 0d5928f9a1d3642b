package io.github.deepseekspring.model.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Client of the DeepSeek HTTP API on the JDK {@link HttpClient}. Calls are lazy: nothing is sent before subscription,
 * and cancelling a subscription aborts the HTTP exchange (the connection is closed, so the server stops generating).
 * The API key is sent as a Bearer token and appears nowhere else: not in {@link #toString()}, logs or exceptions.
 * <p>
 * The HTTP client, the JSON mapper and the stream decoding are set up on the first request, not when the client is
 * built: building a JDK {@code HttpClient} initialises the TLS stack, and loading the wire machinery would add tens
 * of milliseconds to an application's start-up before any request is made.
 */
public final class DeepSeekApi {

	/** The largest request body DeepSeek's API takes: 48 MiB, images counted base64-encoded. */
	public static final long MAX_REQUEST_BYTES = 48L * 1024 * 1024;

	private final URI baseUrl;

	private final String apiKey;

	private final Builder settings;

	private volatile ApiTransport transport;

	private DeepSeekApi(Builder builder) {
		String url = Objects.requireNonNull(builder.baseUrl, "baseUrl").toString();
		this.baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
		this.apiKey = builder.apiKey;
		this.settings = builder.copy();
	}

	public static Builder builder() {
		return new Builder();
	}

	private ApiTransport transport() {
		ApiTransport current = this.transport;
		if (current == null) {
			synchronized (this) {
				current = this.transport;
				if (current == null) {
					current = new ApiTransport(this.baseUrl, this.apiKey, this.settings.connectTimeout,
							this.settings.httpClient, this.settings.mapper, this.settings.maxRequestBytes);
					this.transport = current;
				}
			}
		}
		return current;
	}

	/** The base URL requests go to. */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/** {@code POST /chat/completions} without streaming. Leading blank keep-alive lines are tolerated. */
	public Mono<ChatCompletion> chat(ChatCompletionRequest request) {
		return Mono.defer(() -> transport().chat(request));
	}

	/**
	 * {@code POST /chat/completions} without streaming, failing with {@link DeepSeekTimeoutException} when the server
	 * stays silent for {@code idleTimeout}. The blank lines DeepSeek sends while a request waits count as signs of
	 * life, so a long queue is not mistaken for a dead server.
	 */
	public Mono<ChatCompletion> chat(ChatCompletionRequest request, Duration idleTimeout) {
		return Mono.defer(() -> transport().chat(request, idleTimeout));
	}

	/**
	 * {@code POST /chat/completions} with {@code stream: true}: emits keep-alives and chunks, completes at
	 * {@code [DONE]}, and fails with {@link DeepSeekTransportException} when the stream breaks off before it.
	 */
	public Flux<StreamEvent> chatStream(ChatCompletionRequest request) {
		return Flux.defer(() -> transport().chatStream(request));
	}

	/**
	 * Prefix completion (last assistant message with {@code prefix: true}) and strict tools are beta features under
	 * {@code /beta}.
	 */
	static String chatPath(ChatCompletionRequest request) {
		boolean prefix = request.messages() != null && !request.messages().isEmpty()
				&& Boolean.TRUE.equals(request.messages().get(request.messages().size() - 1).prefix());
		boolean strict = request.tools() != null && request.tools().stream().anyMatch(Tool::strict);
		return prefix || strict ? "/beta/chat/completions" : "/chat/completions";
	}

	/** {@code POST /beta/completions}: fill-in-the-middle code completion (non-thinking models only). */
	public Mono<FimCompletion> fim(FimRequest request) {
		return Mono.defer(() -> transport().fim(request));
	}

	/** {@code GET /models}. */
	public Mono<ModelList> models() {
		return Mono.defer(() -> transport().models());
	}

	/** {@code GET /user/balance}. */
	public Mono<Balance> balance() {
		return Mono.defer(() -> transport().balance());
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

		private long maxRequestBytes = MAX_REQUEST_BYTES;

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

		/**
		 * The largest request body to send, checked before sending ({@link RequestTooLargeException}); DeepSeek's
		 * 48 MiB by default, for a gateway with another limit.
		 */
		public Builder maxRequestBytes(long maxRequestBytes) {
			this.maxRequestBytes = maxRequestBytes;
			return this;
		}

		private Builder copy() {
			Builder copy = new Builder();
			copy.baseUrl = this.baseUrl;
			copy.apiKey = this.apiKey;
			copy.connectTimeout = this.connectTimeout;
			copy.httpClient = this.httpClient;
			copy.mapper = this.mapper;
			copy.maxRequestBytes = this.maxRequestBytes;
			return copy;
		}

		public DeepSeekApi build() {
			return new DeepSeekApi(this);
		}

	}

}
