package io.github.deepseekspring.rag.query;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's rewrite and translation join the offline wordings; the model is asked once per question and
 * conversation; anything that goes wrong with it costs only the rewrite. The end-to-end call against the DeepSeek
 * simulator is in the RAG starter's consumer tests; here a model that answers what each test needs.
 */
class ModelQueryExpansionTests {

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void aFollowUpGetsItsStandaloneRewriteAndTranslation() {
		ModelQueryExpansion expansion = expansion((prompt) -> """
				```json
				{"standalone": "YF-BE7200 保修多久？", "translation": "How long is the YF-BE7200 warranty?"}
				```""");

		List<String> wordings = expansion.wordings("那 BE7200 呢？", List.of("YF-AX3000 保修多久？"));

		assertThat(wordings).containsExactly("那 BE7200 呢？", "YF-AX3000 保修多久？ 那 BE7200 呢？", "YF-BE7200 保修多久？",
				"How long is the YF-BE7200 warranty?");
		assertThat(expansion.wordings("那 BE7200 呢？", List.of("YF-AX3000 保修多久？"))).isEqualTo(wordings);
		assertThat(this.calls).as("answered from the cache the second time").hasValue(1);
	}

	@Test
	void theInstructionsComeFirstAndTheConversationAfter() {
		StringBuilder seen = new StringBuilder();
		ModelQueryExpansion expansion = expansion((prompt) -> {
			seen.append(prompt.getInstructions().get(0).getText()).append("|").append(prompt.getUserMessage().getText());
			return "{\"standalone\": \"x\", \"translation\": \"y\"}";
		});

		expansion.wordings("and the Pro?", List.of("How long does the LC-200 battery last?"));

		assertThat(seen.toString()).startsWith(ModelQueryExpansion.INSTRUCTIONS + "|")
			.endsWith("Earlier questions:\n1. How long does the LC-200 battery last?\nLatest question: and the Pro?");
	}

	@Test
	void anUnreadableAnswerAFailureOrASlowModelFallBackToTheOfflineWordings() {
		List<String> offline = List.of("and the Pro?", "How long does the LC-200 battery last? and the Pro?");
		assertThat(expansion((prompt) -> "I cannot help with that.").wordings("and the Pro?",
				List.of("How long does the LC-200 battery last?"))).isEqualTo(offline);
		assertThat(expansion((prompt) -> {
			throw new IllegalStateException("503 Service Unavailable");
		}).wordings("and the Pro?", List.of("How long does the LC-200 battery last?"))).isEqualTo(offline);
		assertThat(expansion((prompt) -> {
			try {
				Thread.sleep(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "{}";
		}).wordings("and the Pro?", List.of("How long does the LC-200 battery last?"))).isEqualTo(offline);
	}

	private ModelQueryExpansion expansion(Function<Prompt, String> answer) {
		ChatModel model = (prompt) -> {
			this.calls.incrementAndGet();
			return new ChatResponse(List.of(new Generation(new AssistantMessage(answer.apply(prompt)))));
		};
		return new ModelQueryExpansion(ChatClient.create(model), new ConversationQueryExpansion(),
				Duration.ofMillis(500));
	}

}
