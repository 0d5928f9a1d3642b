package io.github.deepseekspring.starter.consumer;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Remote-first routing in a consumer app: the DeepSeek API answers 503, the local runtime answers instead. */
@SpringBootTest(classes = ConsumerApplication.class, properties = { "deepseek.routing.mode=remote-first",
		"deepseek.retry.max-attempts=1", "deepseek.local.model=deepseek-r1:7b" })
@UseDeepSeekSimulator
class StarterFailoverTests {

	static final OllamaSimulator ollama = OllamaSimulator.start();

	@DynamicPropertySource
	static void localRuntime(DynamicPropertyRegistry registry) {
		registry.add("deepseek.local.base-url", () -> ollama.baseUrl().toString());
	}

	@AfterAll
	static void stop() {
		ollama.close();
	}

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	ChatClient.Builder chatClientBuilder;

	@Test
	void remote503FailsOverToTheLocalRuntime() {
		this.deepseek.faults().failNext(5, 503);
		ollama.onUserMessage("opening hours", ScriptedReply.text("Local answer: 9:00 to 18:00."));
		String answer = this.chatClientBuilder.build().prompt().user("What are your opening hours?").call().content();
		assertThat(answer).isEqualTo("Local answer: 9:00 to 18:00.");
		assertThat(this.deepseek.requests().count("/chat/completions")).isPositive();
	}

}
