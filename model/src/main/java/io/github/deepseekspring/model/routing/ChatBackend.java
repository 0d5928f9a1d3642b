package io.github.deepseekspring.model.routing;

import java.util.Optional;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.completion.CodeCompletion;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A place chat requests can go to. Streams emit only chunks that carry something for the caller (text, reasoning,
 * or the final chunk with tool calls and usage), so the first element marks the first token.
 */
public interface ChatBackend {

	/** Remote or local. */
	BackendKind kind();

	/** One non-streamed answer. */
	Mono<ChatResponse> call(BackendRequest request);

	/** A streamed answer; cancelling the subscription aborts the upstream request. */
	Flux<ChatResponse> stream(BackendRequest request);

	/** Code completion between {@code prefix} and {@code suffix}. */
	Mono<CodeCompletion> complete(String prefix, String suffix, DeepSeekChatOptions options);

	/**
	 * Why this backend would not serve the request as asked, because it would drop a part of it (images it cannot
	 * see, log probabilities it does not return); empty when it serves the request whole. Routing never sends a
	 * request to a backend that refuses it, so nothing the caller sent or asked for is silently lost.
	 */
	default Optional<String> refusal(BackendRequest request) {
		return Optional.empty();
	}

	/** Whether the backend is believed to be up (health checks); routing skips backends that are not. */
	default boolean isAvailable() {
		return true;
	}

	/** Whether the backend can take one more request now without queueing. */
	default boolean hasCapacity() {
		return true;
	}

}
