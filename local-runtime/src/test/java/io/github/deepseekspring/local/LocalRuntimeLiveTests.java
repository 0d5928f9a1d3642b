package io.github.deepseekspring.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.LocalChatResponse;

/**
 * The basic calls against a real runtime: {@code LOCAL_RUNTIME_URL} (e.g. {@code http://localhost:11434}), optional
 * {@code LOCAL_RUNTIME_PROTOCOL} ({@code ollama} default, or {@code openai}) and {@code LOCAL_RUNTIME_MODEL}
 * (default {@code deepseek-r1:1.5b}, which must be installed).
 */
@EnabledIfEnvironmentVariable(named = "LOCAL_RUNTIME_URL", matches = ".+")
class LocalRuntimeLiveTests {

	private LocalRuntime runtime;
	private String model;

	@BeforeEach
	void build() {
		model = env("LOCAL_RUNTIME_MODEL", "deepseek-r1:1.5b");
		runtime = LocalRuntimes.builder().protocol(env("LOCAL_RUNTIME_PROTOCOL", "ollama"))
			.endpoint(System.getenv("LOCAL_RUNTIME_URL")).defaultModel(model)
			.firstTokenTimeout(Duration.ofMinutes(3)).healthCheckInterval(Duration.ZERO).build();
	}

	@AfterEach
	void close() {
		runtime.close();
	}

	@Test
	void listsTheConfiguredModel() {
		assertThat(runtime.version()).isNotBlank();
		assertThat(runtime.models()).extracting(m -> m.name()).anyMatch(name -> name.startsWith(model.split(":")[0]));
	}

	@Test
	void chatsAndStreams() {
		LocalChatResponse reply = runtime.chat(ChatRequest.builder(null).user("What is 2+2? Answer with the number.")
			.maxTokens(400).build());
		assertThat(reply.content() + reply.thinking()).contains("4");
		List<LocalChatChunk> chunks = Streams
			.collect(runtime.chatStream(ChatRequest.builder(null).user("Say hello.").maxTokens(200).build()));
		assertThat(chunks).last().satisfies(c -> assertThat(c.done()).isTrue());
		assertThat(chunks.stream().map(c -> c.content() + c.thinking()).reduce("", String::concat)).isNotBlank();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
