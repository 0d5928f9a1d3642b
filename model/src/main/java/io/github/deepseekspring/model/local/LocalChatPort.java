package io.github.deepseekspring.model.local;

import java.util.List;
import java.util.concurrent.Flow;

import org.springframework.ai.chat.messages.AssistantMessage;

/**
 * What {@link LocalBackend} needs from a local runtime client (the {@code deepseek-local-runtime} module's
 * {@code LocalRuntime} is adapted to it), kept this small so the backend's rules (reasoning split, timeouts,
 * capacity, cost) do not depend on one client's types.
 */
public interface LocalChatPort {

	/** One whole answer. */
	Reply chat(Request request);

	/** A streamed answer; cancelling the subscription must close the HTTP connection. */
	Flow.Publisher<Delta> chatStream(Request request);

	/** Fill-in-the-middle: text between {@code prefix} and {@code suffix} ({@code /api/generate} with suffix). */
	Reply generate(String model, String prefix, String suffix, Integer maxTokens);

	/** Whether the runtime (any endpoint of its pool) is up. */
	default boolean isUp() {
		return true;
	}

	/** Which images {@code model} takes; none unless the runtime says otherwise. */
	default Vision vision(String model) {
		return Vision.NONE;
	}

	/** What a local model does with images. */
	enum Vision {

		/** It takes none: an image request must go elsewhere. */
		NONE,
		/** It takes images sent as data. */
		DATA,
		/** It takes images sent as data and fetches http(s) links. */
		DATA_AND_LINKS

	}

	/**
	 * A chat request.
	 * @param model model name on the runtime
	 * @param messages the conversation
	 * @param tools tool definitions (name, description, JSON schema)
	 * @param think ask the runtime for a separate thinking field
	 * @param temperature sampling temperature, or null
	 * @param maxTokens output limit, or null
	 * @param affinityKey keeps a conversation on one endpoint of a pool, or null
	 * @param format {@code "json"} for a JSON answer, a JSON schema the answer must follow, or null
	 */
	record Request(String model, List<Turn> messages, List<ToolSpec> tools, boolean think, Double temperature,
			Integer maxTokens, String affinityKey, String format) {
	}

	/**
	 * One message: role system, user, assistant or tool.
	 * @param images a user message's images: {@code data:} URLs, or http(s) links for runtimes that fetch them
	 */
	record Turn(String role, String content, List<AssistantMessage.ToolCall> toolCalls, String toolName,
			List<String> images) {

		public Turn {
			images = (images != null) ? List.copyOf(images) : List.of();
		}

	}

	/** A tool the model may call. */
	record ToolSpec(String name, String description, String jsonSchema) {
	}

	/** A piece of a streamed answer; the last one has {@code done} and the token counts. */
	record Delta(String content, String thinking, List<AssistantMessage.ToolCall> toolCalls, boolean done,
			String model, String doneReason, int promptTokens, int completionTokens) {
	}

	/** A whole answer. */
	record Reply(String content, String thinking, List<AssistantMessage.ToolCall> toolCalls, String model,
			String doneReason, int promptTokens, int completionTokens) {
	}

}
