package io.github.deepseekspring.model.remote;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.deepseekspring.model.api.ChatCompletionChunk;
import io.github.deepseekspring.model.api.ChatCompletionRequest;
import io.github.deepseekspring.model.api.ChatMessage;
import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.api.FimRequest;
import io.github.deepseekspring.model.api.StreamEvent;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.completion.CodeCompletion;
import io.github.deepseekspring.model.image.MessageImages;
import io.github.deepseekspring.model.cost.PriceTable;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.resilience.TimeoutGuard;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.deepseekspring.model.routing.BackendRequest;
import io.github.deepseekspring.model.routing.ChatBackend;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The DeepSeek API as a backend: chat completions (call and stream) and FIM code completion.
 */
public final class RemoteBackend implements ChatBackend {

	/** The models of DeepSeek's API that take images. */
	public static final Set<String> VISION_MODELS = Set.of("deepseek-flash");

	private final DeepSeekApi api;

	private final String defaultModel;

	private final String completionModel;

	private final StreamTimeouts timeouts;

	private final RemoteResponseMapper.CostCalculator costs;

	private final Set<String> visionModels;

	/**
	 * A backend whose vision model is {@link #VISION_MODELS}.
	 * @param api the HTTP client
	 * @param defaultModel model used when the options name none
	 * @param completionModel model for FIM completion
	 * @param timeouts per-attempt limits
	 * @param prices the price table
	 * @param clock decides peak or off-peak prices
	 */
	public RemoteBackend(DeepSeekApi api, String defaultModel, String completionModel, StreamTimeouts timeouts,
			PriceTable prices, Clock clock) {
		this(api, defaultModel, completionModel, timeouts, prices, clock, VISION_MODELS);
	}

	/**
	 * @param api the HTTP client
	 * @param defaultModel model used when the options name none
	 * @param completionModel model for FIM completion
	 * @param timeouts per-attempt limits
	 * @param prices the price table
	 * @param clock decides peak or off-peak prices
	 * @param visionModels the models that take images
	 */
	public RemoteBackend(DeepSeekApi api, String defaultModel, String completionModel, StreamTimeouts timeouts,
			PriceTable prices, Clock clock, Set<String> visionModels) {
		this.visionModels = Set.copyOf(visionModels);
		this.api = Objects.requireNonNull(api);
		this.defaultModel = Objects.requireNonNull(defaultModel);
		this.completionModel = completionModel != null ? completionModel : defaultModel;
		this.timeouts = Objects.requireNonNull(timeouts);
		this.costs = (model, usage) -> prices.remoteCost(model, usage.promptCacheHitTokens(),
				usage.promptCacheMissTokens(), usage.completionTokens(), clock.instant());
	}

	/** The HTTP client (models, balance). */
	public DeepSeekApi api() {
		return this.api;
	}

	@Override
	public BackendKind kind() {
		return BackendKind.REMOTE;
	}

	/** Refuses images for a model that takes none (DeepSeek's API only reads them with its vision model). */
	@Override
	public Optional<String> refusal(BackendRequest request) {
		String model = request.options().getModel() != null ? request.options().getModel() : this.defaultModel;
		if (MessageImages.any(request.messages()) && !this.visionModels.contains(model)) {
			return Optional.of("model " + model + " takes no images (the vision models are " + this.visionModels + ")");
		}
		return Optional.empty();
	}

	@Override
	public Mono<ChatResponse> call(BackendRequest request) {
		return Mono.defer(() -> {
			ChatCompletionRequest wire = RemoteRequestMapper.toRequest(request, this.defaultModel);
			return this.api.chat(wire, this.timeouts.idle())
				.transform(call -> TimeoutGuard.within(call, this.timeouts.total()))
				.map(completion -> RemoteResponseMapper.toChatResponse(completion, this.costs, wire.model()));
		});
	}

	@Override
	public Flux<ChatResponse> stream(BackendRequest request) {
		return Flux.defer(() -> {
			ChatCompletionRequest wire = RemoteRequestMapper.toRequest(request, this.defaultModel);
			StreamAccumulator accumulator = new StreamAccumulator(this.costs, wire.model());
			Flux<StreamEvent> events = this.api.chatStream(wire);
			return TimeoutGuard.guard(events, this.timeouts, RemoteBackend::carriesToken)
				.<ChatResponse>handle((event, sink) -> {
					if (event instanceof StreamEvent.Chunk chunk) {
						ChatResponse response = accumulator.accept(chunk.chunk());
						if (response != null) {
							sink.next(response);
						}
					}
				})
				.concatWith(Mono.fromSupplier(accumulator::finish));
		});
	}

	private static boolean carriesToken(StreamEvent event) {
		if (!(event instanceof StreamEvent.Chunk chunk)) {
			return false;
		}
		ChatCompletionChunk c = chunk.chunk();
		if (c.choices() == null || c.choices().isEmpty()) {
			return c.usage() != null;
		}
		ChatMessage delta = c.choices().get(0).delta();
		return c.choices().get(0).finishReason() != null || (delta != null && (notEmpty(delta.content())
				|| notEmpty(delta.reasoningContent()) || delta.toolCalls() != null));
	}

	private static boolean notEmpty(String s) {
		return s != null && !s.isEmpty();
	}

	@Override
	public Mono<CodeCompletion> complete(String prefix, String suffix, DeepSeekChatOptions options) {
		String model = options.getModel() != null ? options.getModel() : this.completionModel;
		FimRequest request = new FimRequest(model, prefix, suffix, options.getMaxTokens(), options.getTemperature(),
				options.getStopSequences(), null);
		return this.api.fim(request)
			.transform(call -> TimeoutGuard.within(call, this.timeouts.total()))
			.map(fim -> new CodeCompletion(fim.text(), fim.model() != null ? fim.model() : model, "remote",
					fim.usage() == null ? 0 : fim.usage().promptTokens(),
					fim.usage() == null ? 0 : fim.usage().completionTokens()));
	}

	@Override
	public String toString() {
		return "RemoteBackend[" + this.api + "]";
	}

}
