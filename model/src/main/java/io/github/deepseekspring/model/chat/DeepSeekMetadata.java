package io.github.deepseekspring.model.chat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import io.github.deepseekspring.model.api.Logprobs;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.Generation;

/**
 * Metadata keys DeepSeek puts on {@link AssistantMessage}s and {@code ChatResponseMetadata}, with typed accessors.
 * <p>
 * In a stream, each chunk carries its piece of reasoning under {@link #REASONING_DELTA}; the last chunk carries the
 * whole reasoning under {@link #REASONING_CONTENT} together with the tool calls and usage, so Spring AI's
 * {@code MessageAggregator} (which keeps the last value of each metadata key) ends with the complete turn.
 */
public final class DeepSeekMetadata {

	/** The complete reasoning of an assistant turn (thinking mode). */
	public static final String REASONING_CONTENT = "reasoningContent";

	/** The reasoning carried by one stream chunk. */
	public static final String REASONING_DELTA = "reasoningDelta";

	/**
	 * On a generation's metadata: the answer's token log probabilities ({@link Logprobs}, when the request asked for
	 * {@code logprobs}); in a stream, all of them on the closing chunk.
	 */
	public static final String LOGPROBS = "logprobs";

	/** On a stream chunk's generation metadata: the log probabilities of that chunk's tokens ({@link Logprobs}). */
	public static final String LOGPROBS_DELTA = "logprobsDelta";

	/** Input tokens served from the context cache. */
	public static final String CACHE_HIT_TOKENS = "promptCacheHitTokens";

	/** Input tokens not served from the cache. */
	public static final String CACHE_MISS_TOKENS = "promptCacheMissTokens";

	/** Reasoning share of the completion tokens. */
	public static final String REASONING_TOKENS = "reasoningTokens";

	/** Cost of the request in CNY ({@link BigDecimal}). */
	public static final String COST_CNY = "costCny";

	/** Name of the backend that answered ("remote" or "local"). */
	public static final String BACKEND = "backend";

	/**
	 * Key in the chat model observation context of a stream: the text the stream delivered (all of it, or up to where
	 * it stopped), for observation handlers such as audit logs.
	 */
	public static final String OBSERVED_STREAM_TEXT = "deepseek.streamText";

	/**
	 * Key in the chat model observation context of a stream: how it ended, {@code onComplete}, {@code onError} or
	 * {@code cancel} (the caller went away).
	 */
	public static final String OBSERVED_STREAM_END = "deepseek.streamEnd";

	/** Set to {@code true} on the last assistant message to ask for prefix completion (beta). */
	public static final String PREFIX = "prefix";

	private DeepSeekMetadata() {
	}

	/** The complete reasoning of a (call or aggregated stream) assistant message, if any. */
	public static Optional<String> reasoning(AssistantMessage message) {
		return text(message.getMetadata(), REASONING_CONTENT);
	}

	/** The reasoning piece of one stream chunk, if any. */
	public static Optional<String> reasoningDelta(AssistantMessage message) {
		return text(message.getMetadata(), REASONING_DELTA);
	}

	/** The token log probabilities of a (call or aggregated stream) generation, if the request asked for them. */
	public static Optional<Logprobs> logprobs(Generation generation) {
		return logprobs(generation, LOGPROBS);
	}

	/** The log probabilities of one stream chunk's tokens, if any. */
	public static Optional<Logprobs> logprobsDelta(Generation generation) {
		return logprobs(generation, LOGPROBS_DELTA);
	}

	private static Optional<Logprobs> logprobs(Generation generation, String key) {
		Object value = generation.getMetadata() == null ? null : generation.getMetadata().get(key);
		return value instanceof Logprobs logprobs ? Optional.of(logprobs) : Optional.empty();
	}

	/** The cost in CNY recorded on a message or response metadata map. */
	public static Optional<BigDecimal> cost(Map<String, Object> metadata) {
		Object value = metadata.get(COST_CNY);
		return value instanceof BigDecimal cost ? Optional.of(cost) : Optional.empty();
	}

	private static Optional<String> text(Map<String, Object> metadata, String key) {
		Object value = metadata == null ? null : metadata.get(key);
		return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
	}

}
