package io.github.deepseekspring.model.chat;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.completion.CodeCompletion;
import io.github.deepseekspring.model.cost.PriceTable;
import io.github.deepseekspring.model.metrics.DeepSeekMetrics;
import io.github.deepseekspring.model.privacy.PiiDetector;
import io.github.deepseekspring.model.privacy.PrivacyMode;
import io.github.deepseekspring.model.privacy.PromptPrivacy;
import io.github.deepseekspring.model.remote.RemoteBackend;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.github.deepseekspring.model.resilience.ResilientExecutor;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.deepseekspring.model.routing.BackendRequest;
import io.github.deepseekspring.model.routing.BackendRouter;
import io.github.deepseekspring.model.routing.ChatBackend;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring AI {@link ChatModel} (and {@code StreamingChatModel}) for DeepSeek, answering from the DeepSeek API, a
 * local runtime, or both with routing and failover.
 * <p>
 * Tool calls are returned to the caller, as Spring AI 2.0 models do: {@code ChatClient}'s tool-calling advisor runs
 * them through a {@link ToolCallingManager} and calls again with the results. The reasoning of an assistant turn
 * with tool calls is kept on the message ({@link DeepSeekMetadata#REASONING_CONTENT}) and sent back in every later
 * request, as thinking mode requires.
 */
public final class DeepSeekChatModel implements ChatModel {

	private final DeepSeekChatOptions defaultOptions;

	private final BackendRouter router;

	private final ResilientExecutor executor;

	private final ToolCallingManager toolCallingManager;

	private final RemoteBackend remote;

	private final String defaultModel;

	private final ChatObservations observations;

	private final PromptPrivacy privacy;

	private final ModelAliases aliases;

	private DeepSeekChatModel(Builder b, BackendRouter router, ResilientExecutor executor, RemoteBackend remote) {
		this.aliases = b.aliases;
		this.defaultOptions = b.defaultOptions;
		this.router = router;
		this.executor = executor;
		this.toolCallingManager = b.toolCallingManager != null ? b.toolCallingManager
				: ToolCallingManager.builder().build();
		this.remote = remote;
		this.defaultModel = b.defaultModel();
		this.observations = new ChatObservations(b.observationRegistry, b.observationConvention);
		this.privacy = b.privacy;
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		BackendRequest request = backendRequest(prompt);
		List<ChatBackend> order = this.router.route(request);
		return this.observations.observeCall(prompt,
				() -> this.executor
					.execute(order, modelOf(request), b -> b.call(forBackend(request, b)).flux(), remember(request))
					.blockLast());
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return this.observations.observeStream(prompt, Flux.defer(() -> {
			BackendRequest request = backendRequest(prompt);
			return this.executor.execute(this.router.route(request), modelOf(request),
					b -> b.stream(forBackend(request, b)), remember(request));
		}));
	}

	/**
	 * Code completion between {@code prefix} and {@code suffix}: FIM on the DeepSeek API (non-thinking), or the
	 * {@code suffix} parameter of the local runtime, as routing decides.
	 */
	public CodeCompletion complete(String prefix, String suffix, DeepSeekChatOptions options) {
		return completeAsync(prefix, suffix, options).block();
	}

	/** Reactive form of {@link #complete(String, String, DeepSeekChatOptions)}. */
	public Mono<CodeCompletion> completeAsync(String prefix, String suffix, DeepSeekChatOptions options) {
		return Mono.defer(() -> {
			DeepSeekChatOptions merged = merge(options).mutate().thinking(false).build();
			return this.executor
				.execute(this.router.route(merged), merged.getModel() != null ? merged.getModel() : this.defaultModel,
						b -> b.complete(prefix, suffix == null ? "" : suffix, merged).flux())
				.next();
		});
	}

	/** The DeepSeek API client (for {@code /models} and {@code /user/balance}), when a remote backend is set. */
	public java.util.Optional<DeepSeekApi> remoteApi() {
		return this.remote == null ? java.util.Optional.empty() : java.util.Optional.of(this.remote.api());
	}

	@Override
	public DeepSeekChatOptions getOptions() {
		return this.defaultOptions;
	}

	@Override
	public ChatOptions getDefaultOptions() {
		return this.defaultOptions;
	}

	/** The routing mode in use. */
	public RoutingMode routingMode() {
		return this.router.mode();
	}

	private BackendRequest backendRequest(Prompt prompt) {
		DeepSeekChatOptions options = merge(prompt.getOptions());
		if (!options.isSensitive() && this.privacy.keepLocal(prompt.getInstructions())) {
			options = options.mutate().sensitive(true).build();
		}
		return new BackendRequest(prompt.getInstructions(), options,
				this.toolCallingManager.resolveToolDefinitions(options));
	}

	/** The request as the backend may see it: masked for the remote API when the privacy mode says so. */
	private BackendRequest forBackend(BackendRequest request, ChatBackend backend) {
		if (backend.kind() != BackendKind.REMOTE || !this.privacy.masksRemote()) {
			return request;
		}
		return new BackendRequest(this.privacy.mask(request.messages()), request.options(), request.tools());
	}

	/** How personal data in prompts is handled. */
	public PrivacyMode privacyMode() {
		return this.privacy.mode();
	}

	/** The default options with the prompt's over them, a retired model name replaced. */
	private DeepSeekChatOptions merge(ChatOptions runtime) {
		if (runtime == null || runtime == this.defaultOptions) {
			return this.aliases.resolve(this.defaultOptions);
		}
		return this.aliases.resolve(this.defaultOptions.mutate().combineWith(runtime.mutate()).build());
	}

	private java.util.function.Consumer<ChatBackend> remember(BackendRequest request) {
		String conversationId = request.options().getConversationId();
		return backend -> this.router.answered(conversationId, backend.kind());
	}

	private String modelOf(BackendRequest request) {
		return request.options().getModel() != null ? request.options().getModel() : this.defaultModel;
	}

	@Override
	public String toString() {
		return "DeepSeekChatModel[mode=" + this.router.mode() + ", model=" + this.defaultModel + "]";
	}

	/** Builder of {@link DeepSeekChatModel}. */
	public static final class Builder {

		private DeepSeekChatOptions defaultOptions = DeepSeekChatOptions.builder().model("deepseek-flash").build();

		private DeepSeekApi api;

		private RemoteBackend remote;

		private ChatBackend local;

		private RoutingMode routingMode;

		private RetryPolicy retryPolicy = RetryPolicy.defaults();

		private CircuitBreakers circuitBreakers;

		private StreamTimeouts timeouts = StreamTimeouts.defaults();

		private PriceTable priceTable = PriceTable.defaults();

		private Clock clock = Clock.systemUTC();

		private MeterRegistry meterRegistry;

		private ToolCallingManager toolCallingManager;

		private String completionModel;

		private ObservationRegistry observationRegistry;

		private String baseUrl;

		private String apiKey;

		private ChatModelObservationConvention observationConvention;

		private PromptPrivacy privacy = PromptPrivacy.off();

		private java.util.Set<String> remoteVisionModels = RemoteBackend.VISION_MODELS;

		private ModelAliases aliases = ModelAliases.defaults();

		/**
		 * Retired model names and what serves them today ({@link ModelAliases#defaults()} by default;
		 * {@link ModelAliases#none()} sends every name as it is).
		 */
		public Builder modelAliases(ModelAliases aliases) {
			this.aliases = Objects.requireNonNull(aliases);
			return this;
		}

		/**
		 * The models of the DeepSeek API that take images; {@code deepseek-flash} by default. Image requests for
		 * any other model go to a backend that takes them, or fail with a clear error.
		 */
		public Builder remoteVisionModels(java.util.Collection<String> models) {
			this.remoteVisionModels = java.util.Set.copyOf(models);
			return this;
		}

		/**
		 * Privacy mode: {@link PrivacyMode#MASK} masks personal data before requests go to the remote API (the local
		 * runtime sees the original), {@link PrivacyMode#LOCAL_ONLY} keeps requests with personal data on the local
		 * runtime; {@link PrivacyMode#OFF} by default.
		 */
		public Builder privacyMode(PrivacyMode mode) {
			return privacy(mode, PiiDetector.defaults());
		}

		/** Like {@link #privacyMode(PrivacyMode)} with a detector of one's own, e.g. one allowing company contacts. */
		public Builder privacy(PrivacyMode mode, PiiDetector detector) {
			this.privacy = mode == PrivacyMode.OFF ? PromptPrivacy.off() : new PromptPrivacy(mode, detector);
			return this;
		}

		/** Registry for Spring AI's chat model observations; none by default. */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/** A custom observation convention (Spring AI's default otherwise). */
		public Builder observationConvention(ChatModelObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/** Default options; runtime options of each prompt are merged over them. */
		public Builder defaultOptions(DeepSeekChatOptions defaultOptions) {
			this.defaultOptions = Objects.requireNonNull(defaultOptions);
			return this;
		}

		/** The DeepSeek API client; a {@link RemoteBackend} is built from it. */
		public Builder api(DeepSeekApi api) {
			this.api = api;
			return this;
		}

		/**
		 * Builds the DeepSeek API client from a base URL and key, connecting within {@link StreamTimeouts#connect()}
		 * (ignored when {@link #api} or {@link #remote} is set).
		 */
		public Builder remote(String baseUrl, String apiKey) {
			this.baseUrl = baseUrl;
			this.apiKey = apiKey;
			return this;
		}

		/** A ready remote backend (wins over {@link #api}). */
		public Builder remote(RemoteBackend remote) {
			this.remote = remote;
			return this;
		}

		/** The local runtime backend. */
		public Builder local(ChatBackend local) {
			this.local = local;
			return this;
		}

		/**
		 * A local runtime as backend, built with this builder's timeouts and prices (set those first).
		 * @param port the runtime client
		 * @param chatModel local chat model, e.g. {@code deepseek-r1:7b}
		 * @param completionModel local code completion model, e.g. {@code deepseek-coder-v2:16b}
		 * @param maxConcurrency requests in flight before the runtime counts as saturated (cost-aware routing)
		 */
		public Builder local(io.github.deepseekspring.model.local.LocalChatPort port, String chatModel,
				String completionModel, int maxConcurrency) {
			this.local = new io.github.deepseekspring.model.local.LocalBackend(port, chatModel, completionModel,
					this.timeouts, this.priceTable, maxConcurrency);
			return this;
		}

		/** Routing mode; default: remote-first when both backends are set, else the one that is. */
		public Builder routingMode(RoutingMode routingMode) {
			this.routingMode = routingMode;
			return this;
		}

		public Builder retryPolicy(RetryPolicy retryPolicy) {
			this.retryPolicy = Objects.requireNonNull(retryPolicy);
			return this;
		}

		public Builder circuitBreakers(CircuitBreakers circuitBreakers) {
			this.circuitBreakers = circuitBreakers;
			return this;
		}

		public Builder timeouts(StreamTimeouts timeouts) {
			this.timeouts = Objects.requireNonNull(timeouts);
			return this;
		}

		public Builder priceTable(PriceTable priceTable) {
			this.priceTable = Objects.requireNonNull(priceTable);
			return this;
		}

		/** Clock for peak hours (routing and prices); injectable for tests. */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock);
			return this;
		}

		public Builder meterRegistry(MeterRegistry meterRegistry) {
			this.meterRegistry = meterRegistry;
			return this;
		}

		public Builder toolCallingManager(ToolCallingManager toolCallingManager) {
			this.toolCallingManager = toolCallingManager;
			return this;
		}

		/** Model for FIM code completion on the DeepSeek API; default: the default chat model. */
		public Builder completionModel(String completionModel) {
			this.completionModel = completionModel;
			return this;
		}

		/** Timeouts, prices and clock given to backends built here. */
		public StreamTimeouts timeouts() {
			return this.timeouts;
		}

		String defaultModel() {
			return this.aliases.resolve(
					this.defaultOptions.getModel() != null ? this.defaultOptions.getModel() : "deepseek-flash");
		}

		public DeepSeekChatModel build() {
			RemoteBackend remoteBackend = this.remote;
			DeepSeekApi client = this.api;
			if (client == null && this.baseUrl != null) {
				client = DeepSeekApi.builder()
					.baseUrl(this.baseUrl)
					.apiKey(this.apiKey)
					.connectTimeout(this.timeouts.connect())
					.build();
			}
			if (remoteBackend == null && client != null) {
				remoteBackend = new RemoteBackend(client, defaultModel(), this.aliases.resolve(this.completionModel),
						this.timeouts, this.priceTable, this.clock, this.remoteVisionModels);
			}
			RoutingMode mode = this.routingMode != null ? this.routingMode
					: remoteBackend != null && this.local != null ? RoutingMode.REMOTE_FIRST
							: remoteBackend != null ? RoutingMode.REMOTE : RoutingMode.LOCAL;
			BackendRouter router = new BackendRouter(mode, remoteBackend, this.local, this.clock);
			DeepSeekMetrics metrics = this.meterRegistry != null ? new DeepSeekMetrics(this.meterRegistry)
					: DeepSeekMetrics.noop();
			ResilientExecutor executor = new ResilientExecutor(this.retryPolicy,
					this.circuitBreakers != null ? this.circuitBreakers : CircuitBreakers.defaults(), metrics);
			return new DeepSeekChatModel(this, router, executor, remoteBackend);
		}

	}

}
