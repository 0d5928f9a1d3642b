package io.github.deepseekspring.model.local;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;

import io.github.deepseekspring.local.LocalProtocol;
import io.github.deepseekspring.local.LocalProtocolException;
import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimeException;
import io.github.deepseekspring.local.chat.ChatMessage;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.GenerateRequest;
import io.github.deepseekspring.local.chat.GenerateResponse;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.local.chat.ToolCall;
import io.github.deepseekspring.model.api.DeepSeekProtocolException;
import org.springframework.ai.chat.messages.AssistantMessage;
import reactor.adapter.JdkFlowAdapter;

/**
 * {@link LocalChatPort} over the {@code deepseek-local-runtime} client ({@link LocalRuntime}): Ollama-native or
 * OpenAI-compatible runtimes, one endpoint or a pool.
 */
public final class LocalRuntimePort implements LocalChatPort {

	private final LocalRuntime runtime;

	private final Set<String> visionModels;

	// what /api/show said per model; only answers are kept, so a model asked about while the runtime is down is
	// asked again
	private final Map<String, Boolean> reportedVision = new ConcurrentHashMap<>();

	public LocalRuntimePort(LocalRuntime runtime) {
		this(runtime, Set.of());
	}

	/**
	 * @param runtime the runtime client
	 * @param visionModels models declared to take images, for runtimes that cannot report it (the OpenAI-compatible
	 * protocol has no {@code /api/show})
	 */
	public LocalRuntimePort(LocalRuntime runtime, Collection<String> visionModels) {
		this.runtime = Objects.requireNonNull(runtime);
		this.visionModels = Set.copyOf(visionModels);
	}

	@Override
	public Reply chat(Request request) {
		LocalChatResponse r = readable(() -> this.runtime.chat(toRuntime(request)));
		return new Reply(r.content(), r.thinking(), toSpring(r.toolCalls()), r.model(), r.doneReason(), r.promptTokens(),
				r.completionTokens());
	}

	@Override
	public Flow.Publisher<Delta> chatStream(Request request) {
		return JdkFlowAdapter.publisherToFlowPublisher(JdkFlowAdapter
			.flowPublisherToFlux(this.runtime.chatStream(toRuntime(request)))
			.map(c -> new Delta(c.content(), c.thinking(), toSpring(c.toolCalls()), c.done(), c.model(), c.doneReason(),
					c.promptTokens(), c.completionTokens()))
			.onErrorMap(LocalProtocolException.class, LocalRuntimePort::protocolError));
	}

	@Override
	public Reply generate(String model, String prefix, String suffix, Integer maxTokens) {
		GenerateResponse r = readable(
				() -> this.runtime.generate(GenerateRequest.fillInMiddle(model, prefix, suffix, maxTokens)));
		return new Reply(r.response(), r.thinking(), List.of(), r.model(), r.doneReason(), r.promptTokens(),
				r.completionTokens());
	}

	@Override
	public boolean isUp() {
		return this.runtime.isUp();
	}

	/**
	 * A declared vision model, or one whose {@code /api/show} lists the {@code vision} capability, takes images; the
	 * OpenAI-compatible protocol also passes links (vLLM and SGLang fetch them), Ollama's native API data only.
	 */
	@Override
	public Vision vision(String model) {
		boolean sees = this.visionModels.contains(model) || reportsVision(model);
		if (!sees) {
			return Vision.NONE;
		}
		return this.runtime.protocol() == LocalProtocol.OPENAI ? Vision.DATA_AND_LINKS : Vision.DATA;
	}

	private boolean reportsVision(String model) {
		if (this.runtime.protocol() != LocalProtocol.OLLAMA) {
			return false;
		}
		Boolean known = this.reportedVision.get(model);
		if (known != null) {
			return known;
		}
		try {
			boolean vision = this.runtime.show(model).can("vision");
			this.reportedVision.put(model, vision);
			return vision;
		}
		catch (LocalRuntimeException ex) {
			return false;
		}
	}

	/** An answer the runtime sent in a shape the client cannot read is a protocol error, as on the remote API. */
	private static <T> T readable(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (LocalProtocolException ex) {
			throw protocolError(ex);
		}
	}

	private static DeepSeekProtocolException protocolError(LocalProtocolException error) {
		return new DeepSeekProtocolException(error.field(), error.getMessage(), error);
	}

	private static ChatRequest toRuntime(Request request) {
		ChatRequest.Builder builder = ChatRequest.builder(request.model())
			.temperature(request.temperature())
			.maxTokens(request.maxTokens())
			.affinityKey(request.affinityKey())
			.format(request.format());
		if (request.think()) {
			builder.think(true);
		}
		for (Turn turn : request.messages()) {
			builder.message(switch (turn.role()) {
				case "system" -> ChatMessage.system(turn.content());
				case "assistant" -> ChatMessage.assistant(turn.content(), toRuntime(turn.toolCalls()));
				case "tool" -> ChatMessage.tool(turn.toolName(), turn.content());
				default -> ChatMessage.user(turn.content(), turn.images());
			});
		}
		for (LocalChatPort.ToolSpec tool : request.tools()) {
			builder.tool(new io.github.deepseekspring.local.chat.ToolSpec(tool.name(), tool.description(), tool.jsonSchema()));
		}
		return builder.build();
	}

	private static List<ToolCall> toRuntime(List<AssistantMessage.ToolCall> calls) {
		return calls == null ? List.of() : calls.stream().map(c -> new ToolCall(c.id(), c.name(), c.arguments())).toList();
	}

	private static List<AssistantMessage.ToolCall> toSpring(List<ToolCall> calls) {
		return calls == null ? List.of()
				: calls.stream().map(c -> new AssistantMessage.ToolCall(c.id(), "function", c.name(), c.argumentsJson())).toList();
	}

}
