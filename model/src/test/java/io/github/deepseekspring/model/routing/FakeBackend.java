package io.github.deepseekspring.model.routing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.completion.CodeCompletion;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A scripted in-memory backend for routing and resilience unit tests: each attempt plays the next script. */
public final class FakeBackend implements ChatBackend {

	private final BackendKind kind;

	private final Deque<Supplier<Flux<ChatResponse>>> scripts = new ArrayDeque<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile boolean available = true;

	private volatile boolean capacity = true;

	public FakeBackend(BackendKind kind) {
		this.kind = kind;
	}

	public static ChatResponse token(String text) {
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
	}

	public FakeBackend then(Supplier<Flux<ChatResponse>> script) {
		this.scripts.add(script);
		return this;
	}

	public FakeBackend thenAnswer(String... tokens) {
		return then(() -> Flux.fromArray(tokens).map(FakeBackend::token));
	}

	public FakeBackend thenFail(RuntimeException error) {
		return then(() -> Flux.error(error));
	}

	public FakeBackend available(boolean available) {
		this.available = available;
		return this;
	}

	public FakeBackend capacity(boolean capacity) {
		this.capacity = capacity;
		return this;
	}

	public int attempts() {
		return this.attempts.get();
	}

	@Override
	public BackendKind kind() {
		return this.kind;
	}

	@Override
	public Mono<ChatResponse> call(BackendRequest request) {
		return stream(request).last();
	}

	@Override
	public Flux<ChatResponse> stream(BackendRequest request) {
		return Flux.defer(() -> {
			this.attempts.incrementAndGet();
			Supplier<Flux<ChatResponse>> script = this.scripts.poll();
			return script != null ? script.get() : Flux.just(token(this.kind.tag()));
		});
	}

	@Override
	public Mono<CodeCompletion> complete(String prefix, String suffix, DeepSeekChatOptions options) {
		return stream(null).last().map(r -> new CodeCompletion(r.getResult().getOutput().getText(), "m", kind.tag(), 0, 0));
	}

	@Override
	public boolean isAvailable() {
		return this.available;
	}

	@Override
	public boolean hasCapacity() {
		return this.capacity;
	}

}
