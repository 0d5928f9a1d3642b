package io.github.deepseekspring.local.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat request, immutable; build with {@link #builder(String)}.
 * @param model model name on the runtime, e.g. {@code deepseek-r1:7b}; null: the runtime's default model
 * @param messages the conversation
 * @param tools tools the model may call
 * @param think {@code true} asks the runtime for a separate thinking field, {@code false} to not think, null: model default
 * @param format {@code "json"} or a JSON schema text for structured output, or null
 * @param options runtime options such as {@code num_ctx}, {@code temperature}, {@code num_predict}
 * @param keepAlive how long the runtime keeps the model loaded, e.g. {@code "10m"}, or null
 * @param affinityKey keeps a conversation on one endpoint of a pool (warm KV cache), or null
 */
public record ChatRequest(String model, List<ChatMessage> messages, List<ToolSpec> tools, Boolean think, String format,
		Map<String, Object> options, String keepAlive, String affinityKey) {

	public ChatRequest {
		messages = List.copyOf(messages);
		tools = tools == null ? List.of() : List.copyOf(tools);
		options = options == null ? Map.of() : Map.copyOf(options);
	}

	public static Builder builder(String model) {
		return new Builder(model);
	}

	/** The same request for another model (fills in the default model). */
	public ChatRequest withModel(String name) {
		return new ChatRequest(name, messages, tools, think, format, options, keepAlive, affinityKey);
	}

	/** A builder holding this request's values. */
	public Builder toBuilder() {
		Builder builder = new Builder(model).think(think).format(format).keepAlive(keepAlive).affinityKey(affinityKey);
		builder.messages.addAll(messages);
		builder.tools.addAll(tools);
		builder.options.putAll(options);
		return builder;
	}

	/** Builds a {@link ChatRequest}. */
	public static final class Builder {

		private final String model;
		private final List<ChatMessage> messages = new ArrayList<>();
		private final List<ToolSpec> tools = new ArrayList<>();
		private final Map<String, Object> options = new LinkedHashMap<>();
		private Boolean think;
		private String format;
		private String keepAlive;
		private String affinityKey;

		private Builder(String model) {
			this.model = model;
		}

		public Builder message(ChatMessage message) {
			messages.add(message);
			return this;
		}

		public Builder messages(List<ChatMessage> all) {
			messages.addAll(all);
			return this;
		}

		public Builder system(String content) {
			return message(ChatMessage.system(content));
		}

		public Builder user(String content) {
			return message(ChatMessage.user(content));
		}

		public Builder tool(ToolSpec tool) {
			tools.add(tool);
			return this;
		}

		public Builder think(Boolean value) {
			think = value;
			return this;
		}

		public Builder format(String jsonOrSchema) {
			format = jsonOrSchema;
			return this;
		}

		public Builder option(String name, Object value) {
			options.put(name, value);
			return this;
		}

		public Builder temperature(Double value) {
			return value == null ? this : option("temperature", value);
		}

		/** Output token limit ({@code num_predict}; {@code max_tokens} on OpenAI-compatible runtimes). */
		public Builder maxTokens(Integer value) {
			return value == null ? this : option("num_predict", value);
		}

		public Builder keepAlive(String value) {
			keepAlive = value;
			return this;
		}

		public Builder affinityKey(String value) {
			affinityKey = value;
			return this;
		}

		public ChatRequest build() {
			return new ChatRequest(model, messages, tools, think, format, options, keepAlive, affinityKey);
		}

	}

}
