package io.github.deepseekspring.model.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.deepseekspring.model.api.ChatCompletionRequest.ResponseFormat;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Immutable options of a DeepSeek chat request. {@code null} means "not set": the model's defaults or the server's
 * defaults apply. Merge runtime options over defaults with {@code defaults.mutate().combineWith(runtime.mutate())}:
 * set values win, tool callbacks are merged by tool name (so merging twice adds no duplicates).
 */
public final class DeepSeekChatOptions implements ToolCallingChatOptions, StructuredOutputChatOptions {

	private final String model;

	private final Boolean thinking;

	private final String reasoningEffort;

	private final Integer maxTokens;

	private final Double temperature;

	private final Double topP;

	private final Double frequencyPenalty;

	private final Double presencePenalty;

	private final List<String> stopSequences;

	private final List<ToolCallback> toolCallbacks;

	private final Map<String, Object> toolContext;

	private final Object toolChoice;

	private final ResponseFormat responseFormat;

	private final Boolean logprobs;

	private final Integer topLogprobs;

	private final String outputSchema;

	private final Boolean strictTools;

	private final BackendHint backend;

	private final Boolean sensitive;

	private final String conversationId;

	private DeepSeekChatOptions(Builder b) {
		this.model = b.model;
		this.thinking = b.thinking;
		this.reasoningEffort = b.reasoningEffort;
		this.maxTokens = b.maxTokens;
		this.temperature = b.temperature;
		this.topP = b.topP;
		this.frequencyPenalty = b.frequencyPenalty;
		this.presencePenalty = b.presencePenalty;
		this.stopSequences = b.stopSequences == null ? null : List.copyOf(b.stopSequences);
		this.toolCallbacks = b.toolCallbacks == null ? List.of() : List.copyOf(b.toolCallbacks.values());
		this.toolContext = b.toolContext == null ? Map.of() : Map.copyOf(b.toolContext);
		this.toolChoice = b.toolChoice;
		this.responseFormat = b.responseFormat;
		this.logprobs = b.logprobs;
		this.topLogprobs = b.topLogprobs;
		this.outputSchema = b.outputSchema;
		this.strictTools = b.strictTools;
		this.backend = b.backend;
		this.sensitive = b.sensitive;
		this.conversationId = b.conversationId;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Reads any Spring AI {@link ChatOptions} into DeepSeek options (portable fields, tool callbacks and context).
	 */
	public static DeepSeekChatOptions from(ChatOptions options) {
		if (options instanceof DeepSeekChatOptions deepSeek) {
			return deepSeek;
		}
		return builder().copyPortable(options).build();
	}

	@Override
	public String getModel() {
		return this.model;
	}

	/** Thinking mode on/off; {@code null}: the server default (on). */
	public Boolean getThinking() {
		return this.thinking;
	}

	/** Effective thinking mode: on unless switched off. */
	public boolean isThinkingEnabled() {
		return !Boolean.FALSE.equals(this.thinking);
	}

	/** {@code reasoning_effort}, e.g. low, medium, high. */
	public String getReasoningEffort() {
		return this.reasoningEffort;
	}

	@Override
	public Integer getMaxTokens() {
		return this.maxTokens;
	}

	@Override
	public Double getTemperature() {
		return this.temperature;
	}

	@Override
	public Double getTopP() {
		return this.topP;
	}

	@Override
	public Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	@Override
	public Double getPresencePenalty() {
		return this.presencePenalty;
	}

	@Override
	public List<String> getStopSequences() {
		return this.stopSequences;
	}

	/** DeepSeek has no top-k; always {@code null}. */
	@Override
	public Integer getTopK() {
		return null;
	}

	@Override
	public List<ToolCallback> getToolCallbacks() {
		return this.toolCallbacks;
	}

	@Override
	public Map<String, Object> getToolContext() {
		return this.toolContext;
	}

	/** {@code tool_choice}: "none", "auto", "required" or a map naming one function. */
	public Object getToolChoice() {
		return this.toolChoice;
	}

	public ResponseFormat getResponseFormat() {
		return this.responseFormat;
	}

	public Boolean getLogprobs() {
		return this.logprobs;
	}

	public Integer getTopLogprobs() {
		return this.topLogprobs;
	}

	/**
	 * The JSON schema the answer must follow (Spring AI's native structured output): the DeepSeek API gets JSON mode
	 * and the schema in the prompt, a local runtime the schema as its output format.
	 */
	@Override
	public String getOutputSchema() {
		return this.outputSchema;
	}

	/**
	 * Strict tool schemas (DeepSeek beta): requests with tools go to the beta endpoint, each function marked
	 * {@code strict} with its schema closed, so the model's arguments always match it.
	 */
	public Boolean getStrictTools() {
		return this.strictTools;
	}

	/** Whether strict tool schemas are asked for. */
	public boolean isStrictTools() {
		return Boolean.TRUE.equals(this.strictTools);
	}

	/** Backend asked for; {@code null} counts as {@link BackendHint#AUTO}. */
	public BackendHint getBackend() {
		return this.backend;
	}

	/** Sensitive requests never leave for the remote API. */
	public boolean isSensitive() {
		return Boolean.TRUE.equals(this.sensitive);
	}

	public Boolean getSensitive() {
		return this.sensitive;
	}

	/** Conversation (affinity) id: keeps a conversation on one backend and labels its requests. */
	public String getConversationId() {
		return this.conversationId;
	}

	@Override
	public Builder mutate() {
		return new Builder().combineWith(this);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof DeepSeekChatOptions that && Objects.equals(this.model, that.model)
				&& Objects.equals(this.thinking, that.thinking)
				&& Objects.equals(this.reasoningEffort, that.reasoningEffort)
				&& Objects.equals(this.maxTokens, that.maxTokens) && Objects.equals(this.temperature, that.temperature)
				&& Objects.equals(this.topP, that.topP) && Objects.equals(this.frequencyPenalty, that.frequencyPenalty)
				&& Objects.equals(this.presencePenalty, that.presencePenalty)
				&& Objects.equals(this.stopSequences, that.stopSequences)
				&& Objects.equals(this.toolCallbacks, that.toolCallbacks)
				&& Objects.equals(this.toolContext, that.toolContext)
				&& Objects.equals(this.toolChoice, that.toolChoice)
				&& Objects.equals(this.responseFormat, that.responseFormat)
				&& Objects.equals(this.logprobs, that.logprobs) && Objects.equals(this.topLogprobs, that.topLogprobs)
				&& Objects.equals(this.outputSchema, that.outputSchema)
				&& Objects.equals(this.strictTools, that.strictTools) && this.backend == that.backend && Objects.equals(this.sensitive, that.sensitive)
				&& Objects.equals(this.conversationId, that.conversationId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.thinking, this.reasoningEffort, this.maxTokens, this.temperature,
				this.topP, this.toolCallbacks, this.backend, this.sensitive, this.conversationId);
	}

	@Override
	public String toString() {
		return "DeepSeekChatOptions[model=" + this.model + ", thinking=" + this.thinking + ", reasoningEffort="
				+ this.reasoningEffort + ", maxTokens=" + this.maxTokens + ", temperature=" + this.temperature
				+ ", topP=" + this.topP + ", tools=" + this.toolCallbacks.size() + ", backend=" + this.backend
				+ ", sensitive=" + this.sensitive + ", conversationId=" + this.conversationId + "]";
	}

	/** Builder of {@link DeepSeekChatOptions}; also a Spring AI {@link ToolCallingChatOptions.Builder}. */
	public static final class Builder
			implements ToolCallingChatOptions.Builder<Builder>, StructuredOutputChatOptions.Builder<Builder> {

		private String model;

		private Boolean thinking;

		private String reasoningEffort;

		private Integer maxTokens;

		private Double temperature;

		private Double topP;

		private Double frequencyPenalty;

		private Double presencePenalty;

		private List<String> stopSequences;

		private LinkedHashMap<String, ToolCallback> toolCallbacks;

		private Map<String, Object> toolContext;

		private Object toolChoice;

		private ResponseFormat responseFormat;

		private Boolean logprobs;

		private Integer topLogprobs;

		private String outputSchema;

		private Boolean strictTools;

		private BackendHint backend;

		private Boolean sensitive;

		private String conversationId;

		@Override
		public Builder clone() {
			return new Builder().combineWith(this);
		}

		@Override
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		public Builder thinking(Boolean thinking) {
			this.thinking = thinking;
			return this;
		}

		public Builder reasoningEffort(String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		@Override
		public Builder maxTokens(Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		@Override
		public Builder temperature(Double temperature) {
			this.temperature = temperature;
			return this;
		}

		@Override
		public Builder topP(Double topP) {
			this.topP = topP;
			return this;
		}

		/** Ignored: DeepSeek has no top-k. */
		@Override
		public Builder topK(Integer topK) {
			return this;
		}

		@Override
		public Builder frequencyPenalty(Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return this;
		}

		@Override
		public Builder presencePenalty(Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return this;
		}

		@Override
		public Builder stopSequences(List<String> stopSequences) {
			this.stopSequences = stopSequences == null ? null : new ArrayList<>(stopSequences);
			return this;
		}

		@Override
		public Builder toolCallbacks(List<ToolCallback> toolCallbacks) {
			this.toolCallbacks = new LinkedHashMap<>();
			return addToolCallbacks(toolCallbacks);
		}

		@Override
		public Builder toolCallbacks(ToolCallback... toolCallbacks) {
			return toolCallbacks(List.of(toolCallbacks));
		}

		@Override
		public Builder toolContext(Map<String, Object> toolContext) {
			this.toolContext = toolContext == null ? null : new LinkedHashMap<>(toolContext);
			return this;
		}

		@Override
		public Builder toolContext(String key, Object value) {
			if (this.toolContext == null) {
				this.toolContext = new LinkedHashMap<>();
			}
			this.toolContext.put(key, value);
			return this;
		}

		public Builder toolChoice(Object toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		public Builder responseFormat(ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		public Builder logprobs(Boolean logprobs) {
			this.logprobs = logprobs;
			return this;
		}

		public Builder topLogprobs(Integer topLogprobs) {
			this.topLogprobs = topLogprobs;
			return this;
		}

		@Override
		public Builder outputSchema(String outputSchema) {
			this.outputSchema = outputSchema;
			return this;
		}

		public Builder strictTools(Boolean strictTools) {
			this.strictTools = strictTools;
			return this;
		}

		public Builder backend(BackendHint backend) {
			this.backend = backend;
			return this;
		}

		public Builder sensitive(Boolean sensitive) {
			this.sensitive = sensitive;
			return this;
		}

		public Builder conversationId(String conversationId) {
			this.conversationId = conversationId;
			return this;
		}

		/**
		 * Takes every value the other builder has set; tool callbacks are merged by name (the other's win).
		 */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			if (other instanceof Builder that) {
				return combineWith(that.build());
			}
			return combineWith(other.build());
		}

		private Builder combineWith(ChatOptions other) {
			copyPortable(other);
			if (other instanceof DeepSeekChatOptions o) {
				this.thinking = o.thinking != null ? o.thinking : this.thinking;
				this.reasoningEffort = o.reasoningEffort != null ? o.reasoningEffort : this.reasoningEffort;
				this.toolChoice = o.toolChoice != null ? o.toolChoice : this.toolChoice;
				this.responseFormat = o.responseFormat != null ? o.responseFormat : this.responseFormat;
				this.logprobs = o.logprobs != null ? o.logprobs : this.logprobs;
				this.topLogprobs = o.topLogprobs != null ? o.topLogprobs : this.topLogprobs;
				this.outputSchema = o.outputSchema != null ? o.outputSchema : this.outputSchema;
				this.strictTools = o.strictTools != null ? o.strictTools : this.strictTools;
				this.backend = o.backend != null ? o.backend : this.backend;
				this.sensitive = o.sensitive != null ? o.sensitive : this.sensitive;
				this.conversationId = o.conversationId != null ? o.conversationId : this.conversationId;
			}
			return this;
		}

		Builder copyPortable(ChatOptions other) {
			if (other == null) {
				return this;
			}
			this.model = other.getModel() != null ? other.getModel() : this.model;
			this.maxTokens = other.getMaxTokens() != null ? other.getMaxTokens() : this.maxTokens;
			this.temperature = other.getTemperature() != null ? other.getTemperature() : this.temperature;
			this.topP = other.getTopP() != null ? other.getTopP() : this.topP;
			this.frequencyPenalty = other.getFrequencyPenalty() != null ? other.getFrequencyPenalty()
					: this.frequencyPenalty;
			this.presencePenalty = other.getPresencePenalty() != null ? other.getPresencePenalty()
					: this.presencePenalty;
			if (other.getStopSequences() != null) {
				stopSequences(other.getStopSequences());
			}
			if (other instanceof StructuredOutputChatOptions structured && structured.getOutputSchema() != null) {
				this.outputSchema = structured.getOutputSchema();
			}
			if (other instanceof ToolCallingChatOptions tools) {
				if (tools.getToolCallbacks() != null && !tools.getToolCallbacks().isEmpty()) {
					if (this.toolCallbacks == null) {
						this.toolCallbacks = new LinkedHashMap<>();
					}
					addToolCallbacks(tools.getToolCallbacks());
				}
				if (tools.getToolContext() != null && !tools.getToolContext().isEmpty()) {
					tools.getToolContext().forEach(this::toolContext);
				}
			}
			return this;
		}

		private Builder addToolCallbacks(List<ToolCallback> callbacks) {
			for (ToolCallback callback : callbacks) {
				this.toolCallbacks.put(callback.getToolDefinition().name(), callback);
			}
			return this;
		}

		@Override
		public DeepSeekChatOptions build() {
			return new DeepSeekChatOptions(this);
		}

	}

}
