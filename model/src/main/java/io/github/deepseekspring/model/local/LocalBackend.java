package io.github.deepseekspring.model.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.model.api.ChatCompletionRequest.ResponseFormat;
import io.github.deepseekspring.model.api.DeepSeekProtocolException;
import io.github.deepseekspring.model.api.DeepSeekTransportException;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.completion.CodeCompletion;
import io.github.deepseekspring.model.cost.PriceTable;
import io.github.deepseekspring.model.image.ChatImage;
import io.github.deepseekspring.model.image.MessageImages;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.resilience.TimeoutGuard;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.deepseekspring.model.routing.BackendRequest;
import io.github.deepseekspring.model.routing.ChatBackend;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A local runtime (Ollama, vLLM, llama.cpp, SGLang) as a backend. Reasoning comes from the runtime's thinking field
 * or is split out of inline {@code <think>} tags, also when tags are cut across chunks. The model name is the local
 * one (remote names like {@code deepseek-flash} mean nothing there). Capacity is the number of requests in flight
 * against a configured limit, which cost-aware routing uses.
 */
public final class LocalBackend implements ChatBackend {

	private final LocalChatPort port;

	private final String chatModel;

	private final String completionModel;

	private final StreamTimeouts timeouts;

	private final PriceTable prices;

	private final int maxConcurrency;

	private final AtomicInteger inflight = new AtomicInteger();

	/**
	 * @param port the runtime client
	 * @param chatModel model for chat, e.g. {@code deepseek-r1:7b}
	 * @param completionModel model for code completion, e.g. {@code deepseek-coder-v2:16b}
	 * @param timeouts per-attempt limits
	 * @param prices the price table (its local price)
	 * @param maxConcurrency requests in flight before the runtime counts as saturated
	 */
	public LocalBackend(LocalChatPort port, String chatModel, String completionModel, StreamTimeouts timeouts,
			PriceTable prices, int maxConcurrency) {
		this.port = Objects.requireNonNull(port);
		this.chatModel = Objects.requireNonNull(chatModel);
		this.completionModel = completionModel != null ? completionModel : chatModel;
		this.timeouts = Objects.requireNonNull(timeouts);
		this.prices = Objects.requireNonNull(prices);
		this.maxConcurrency = maxConcurrency;
	}

	@Override
	public BackendKind kind() {
		return BackendKind.LOCAL;
	}

	@Override
	public Mono<ChatResponse> call(BackendRequest request) {
		LocalChatPort.Request local = toLocal(request);
		return tracked(Mono.fromCallable(() -> this.port.chat(local))
			.subscribeOn(Schedulers.boundedElastic())
			.transform(call -> TimeoutGuard.within(call, this.timeouts.total()))
			.map(reply -> new LocalReplyAssembler(this.prices, this.chatModel).whole(reply.model(), reply.content(),
					reply.thinking(), reply.toolCalls(), reply.doneReason(), reply.promptTokens(),
					reply.completionTokens()))
			.onErrorMap(LocalBackend::transport));
	}

	@Override
	public Flux<ChatResponse> stream(BackendRequest request) {
		return Flux.defer(() -> {
			LocalChatPort.Request local = toLocal(request);
			LocalReplyAssembler assembler = new LocalReplyAssembler(this.prices, this.chatModel);
			Flux<LocalChatPort.Delta> deltas = JdkFlowAdapter.flowPublisherToFlux(this.port.chatStream(local));
			boolean[] done = { false };
			Flux<ChatResponse> responses = TimeoutGuard
				.guard(deltas, this.timeouts, d -> d.done() || notEmpty(d.content()) || notEmpty(d.thinking()))
				.<ChatResponse>handle((delta, sink) -> {
					ChatResponse piece = assembler.delta(delta.content(), delta.thinking(), delta.toolCalls());
					if (piece != null) {
						sink.next(piece);
					}
					if (delta.done()) {
						done[0] = true;
						sink.next(assembler.finish(delta.model(), delta.doneReason(), delta.promptTokens(),
								delta.completionTokens()));
					}
				})
				.concatWith(Flux.defer(() -> done[0] ? Flux.empty()
						: Flux.error(new DeepSeekTransportException("local stream ended before done"))))
				.onErrorMap(LocalBackend::transport);
			return tracked(responses);
		});
	}

	@Override
	public Mono<CodeCompletion> complete(String prefix, String suffix, DeepSeekChatOptions options) {
		return tracked(Mono.fromCallable(() -> this.port.generate(this.completionModel, prefix, suffix, options.getMaxTokens()))
			.subscribeOn(Schedulers.boundedElastic())
			.transform(call -> TimeoutGuard.within(call, this.timeouts.total()))
			.map(reply -> new CodeCompletion(reply.content() == null ? "" : reply.content(),
					reply.model() != null ? reply.model() : this.completionModel, "local", reply.promptTokens(),
					reply.completionTokens()))
			.onErrorMap(LocalBackend::transport));
	}

	@Override
	public Optional<String> refusal(BackendRequest request) {
		if (Boolean.TRUE.equals(request.options().getLogprobs())) {
			return Optional.of("the local runtime returns no log probabilities");
		}
		if (MessageImages.any(request.messages())) {
			LocalChatPort.Vision vision = this.port.vision(this.chatModel);
			if (vision == LocalChatPort.Vision.NONE) {
				return Optional.of("local model " + this.chatModel + " takes no images (its runtime reports no vision "
						+ "capability and it is not declared a vision model)");
			}
			if (vision == LocalChatPort.Vision.DATA && MessageImages.anyLinked(request.messages())) {
				return Optional.of("the local runtime takes images as data, not links");
			}
		}
		return Optional.empty();
	}

	@Override
	public boolean isAvailable() {
		return this.port.isUp();
	}

	@Override
	public boolean hasCapacity() {
		return this.inflight.get() < this.maxConcurrency;
	}

	/** Requests in flight now. */
	public int inflight() {
		return this.inflight.get();
	}

	private <T> Mono<T> tracked(Mono<T> mono) {
		return Mono.defer(() -> {
			this.inflight.incrementAndGet();
			return mono.doFinally(s -> this.inflight.decrementAndGet());
		});
	}

	private <T> Flux<T> tracked(Flux<T> flux) {
		return Flux.defer(() -> {
			this.inflight.incrementAndGet();
			return flux.doFinally(s -> this.inflight.decrementAndGet());
		});
	}

	private LocalChatPort.Request toLocal(BackendRequest request) {
		DeepSeekChatOptions o = request.options();
		List<LocalChatPort.Turn> turns = new ArrayList<>(request.messages().size());
		for (Message message : request.messages()) {
			switch (message.getMessageType()) {
				case SYSTEM -> turns.add(new LocalChatPort.Turn("system", message.getText(), List.of(), null, null));
				case USER -> turns.add(new LocalChatPort.Turn("user", message.getText(), List.of(), null,
						MessageImages.of(message).stream().map(ChatImage::url).toList()));
				case ASSISTANT -> turns.add(new LocalChatPort.Turn("assistant", message.getText(),
						((AssistantMessage) message).getToolCalls(), null, null));
				case TOOL -> ((ToolResponseMessage) message).getResponses()
					.forEach(r -> turns.add(new LocalChatPort.Turn("tool", r.responseData(), List.of(), r.name(), null)));
			}
		}
		List<LocalChatPort.ToolSpec> tools = request.tools()
			.stream()
			.map(t -> new LocalChatPort.ToolSpec(t.name(), t.description(), t.inputSchema()))
			.toList();
		// remote model names mean nothing on the runtime: the local model is configuration of this backend
		return new LocalChatPort.Request(this.chatModel, turns, tools, Boolean.TRUE.equals(o.getThinking()),
				o.getTemperature(), o.getMaxTokens(), o.getConversationId(), format(o));
	}

	/** A structured-output schema, else JSON mode, else none: the runtime's {@code format}. */
	private static String format(DeepSeekChatOptions options) {
		if (options.getOutputSchema() != null) {
			return options.getOutputSchema();
		}
		ResponseFormat format = options.getResponseFormat();
		return format != null && ResponseFormat.JSON_OBJECT.type().equals(format.type()) ? "json" : null;
	}

	private static Throwable transport(Throwable error) {
		if (error instanceof DeepSeekTransportException || error instanceof DeepSeekProtocolException
				|| error instanceof IllegalArgumentException) {
			return error;
		}
		return new DeepSeekTransportException("local runtime failed: " + error.getMessage(), error);
	}

	private static boolean notEmpty(String s) {
		return s != null && !s.isEmpty();
	}

}
