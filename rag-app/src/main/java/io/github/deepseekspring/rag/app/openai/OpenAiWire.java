package io.github.deepseekspring.rag.app.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON OpenAI's chat completions API answers with, as DeepSeek extends it ({@code reasoning_content}, cache
 * usage). Absent optional fields are left out; fields OpenAI always sends (such as {@code finish_reason} and
 * {@code logprobs}) are written even when null.
 */
public final class OpenAiWire {

	private OpenAiWire() {
	}

	/** {@code chat.completion}. */
	@JsonInclude(Include.NON_NULL)
	public record Completion(String id, String object, long created, String model,
			@JsonProperty("system_fingerprint") String systemFingerprint, List<Choice> choices, Usage usage) {

	}

	/** One choice of a {@code chat.completion}. */
	@JsonInclude(Include.NON_NULL)
	public record Choice(int index, Message message, @JsonInclude(Include.ALWAYS) Object logprobs,
			@JsonInclude(Include.ALWAYS) @JsonProperty("finish_reason") String finishReason) {

	}

	/** The assistant message of a choice. */
	@JsonInclude(Include.NON_NULL)
	public record Message(String role, @JsonInclude(Include.ALWAYS) String content,
			@JsonProperty("reasoning_content") String reasoningContent,
			@JsonProperty("tool_calls") List<ToolCall> toolCalls, @JsonInclude(Include.ALWAYS) String refusal) {

	}

	/** A tool call; {@code index} only in stream deltas. */
	@JsonInclude(Include.NON_NULL)
	public record ToolCall(Integer index, String id, String type, Function function) {

	}

	/** The function of a tool call, with its arguments as a JSON string. */
	@JsonInclude(Include.NON_NULL)
	public record Function(String name, String arguments) {

	}

	/** {@code chat.completion.chunk}. */
	@JsonInclude(Include.NON_NULL)
	public record Chunk(String id, String object, long created, String model,
			@JsonProperty("system_fingerprint") String systemFingerprint, List<ChunkChoice> choices, Usage usage) {

	}

	/** One choice of a chunk. */
	@JsonInclude(Include.NON_NULL)
	public record ChunkChoice(int index, Delta delta, @JsonInclude(Include.ALWAYS) Object logprobs,
			@JsonInclude(Include.ALWAYS) @JsonProperty("finish_reason") String finishReason) {

	}

	/** What a chunk adds to the message. */
	@JsonInclude(Include.NON_NULL)
	public record Delta(String role, String content, @JsonProperty("reasoning_content") String reasoningContent,
			@JsonProperty("tool_calls") List<ToolCall> toolCalls) {

		static final Delta EMPTY = new Delta(null, null, null, null);

	}

	/** A choice's {@code logprobs}: the answer's tokens with their log probabilities and likeliest alternatives. */
	public record Logprobs(List<io.github.deepseekspring.model.api.Logprobs.TokenLogprob> content) {

		static Logprobs of(io.github.deepseekspring.model.api.Logprobs logprobs) {
			return new Logprobs(logprobs.content());
		}

	}

	/** Token usage, with DeepSeek's context-cache split. */
	@JsonInclude(Include.NON_NULL)
	public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
			@JsonProperty("completion_tokens") int completionTokens, @JsonProperty("total_tokens") int totalTokens,
			@JsonProperty("prompt_cache_hit_tokens") Long promptCacheHitTokens,
			@JsonProperty("prompt_cache_miss_tokens") Long promptCacheMissTokens,
			@JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails) {

	}

	/** Reasoning share of the completion tokens. */
	public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") long reasoningTokens) {

	}

	/** {@code GET /v1/models}. */
	public record ModelList(String object, List<Model> data) {

	}

	/** One model of the list. */
	public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {

	}

	/** OpenAI's error body. */
	public record ErrorBody(ErrorDetail error) {

	}

	/** The error itself; {@code param} and {@code code} may be null. */
	public record ErrorDetail(String message, String type, @JsonInclude(Include.ALWAYS) String param,
			@JsonInclude(Include.ALWAYS) String code) {

	}

}
