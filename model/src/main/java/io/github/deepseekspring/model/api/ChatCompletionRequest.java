package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /chat/completions}: the OpenAI wire format plus DeepSeek's {@code thinking} and
 * {@code reasoning_effort}.
 *
 * @param toolChoice {@code "none"}, {@code "auto"}, {@code "required"} or {@code {"type":"function","function":{"name":..}}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(String model, List<RequestMessage> messages, Thinking thinking,
		@JsonProperty("reasoning_effort") String reasoningEffort, @JsonProperty("max_tokens") Integer maxTokens,
		Double temperature, @JsonProperty("top_p") Double topP, @JsonProperty("frequency_penalty") Double frequencyPenalty,
		@JsonProperty("presence_penalty") Double presencePenalty, List<String> stop, Boolean stream,
		@JsonProperty("stream_options") StreamOptions streamOptions, List<Tool> tools,
		@JsonProperty("tool_choice") Object toolChoice, @JsonProperty("response_format") ResponseFormat responseFormat,
		Boolean logprobs, @JsonProperty("top_logprobs") Integer topLogprobs) {

	/** Copy of this request with streaming switched on or off (usage is always requested in streams). */
	public ChatCompletionRequest withStream(boolean streaming) {
		return new ChatCompletionRequest(model, messages, thinking, reasoningEffort, maxTokens, temperature, topP,
				frequencyPenalty, presencePenalty, stop, streaming, streaming ? new StreamOptions(true) : null, tools,
				toolChoice, responseFormat, logprobs, topLogprobs);
	}

	/** {@code thinking: {type: enabled|disabled}}. */
	public record Thinking(String type) {

		public static final Thinking ENABLED = new Thinking("enabled");

		public static final Thinking DISABLED = new Thinking("disabled");

		public static Thinking of(boolean enabled) {
			return enabled ? ENABLED : DISABLED;
		}

	}

	/** {@code stream_options: {include_usage: true}} so the last chunk carries usage. */
	public record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
	}

	/** {@code response_format: {type: text|json_object}}. */
	public record ResponseFormat(String type) {

		public static final ResponseFormat TEXT = new ResponseFormat("text");

		public static final ResponseFormat JSON_OBJECT = new ResponseFormat("json_object");

	}

}
