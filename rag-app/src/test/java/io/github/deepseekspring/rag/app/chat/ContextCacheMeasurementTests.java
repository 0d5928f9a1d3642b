package io.github.deepseekspring.rag.app.chat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.model.cost.PriceTable;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.deepseekspring.rag.app.conversation.TokenUsage;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of the prompt DeepSeek's context cache serves from the second turn on (the simulator's prefix cache, 64-token
 * units): the app's layout (stable system prompt, earlier turns verbatim, new turn with its passages appended) against
 * the common layout that puts each turn's passages into the system prompt, so every prompt differs from its first
 * message on. Multi-turn conversations are consecutive questions of the evaluation set. Writes
 * {@code target/chat-cache-report.md}. Runs in a context of its own (the extra property), so that documents other tests
 * add and remove do not change which turns reach the model.
 */
@ChatAppTest
@TestPropertySource(properties = "deepseek.rag.chat.passages=5")
class ContextCacheMeasurementTests {

	private static final int CONVERSATIONS = 12;

	private static final int TURNS = 5;

	/** A Monday, 10:00 in Beijing: peak prices. */
	private static final Instant PEAK = Instant.parse("2026-11-30T02:00:00Z");

	private static final String ANSWER = "根据知识库的说明，这个问题的答案如下：请先在云帆管家 App 中确认设备型号与固件版本，"
			+ "然后按照对应文档中的步骤操作 [1]。如果仍有问题，可以参考相关的故障排查说明，或者联系客服获取进一步帮助 [2]。";

	/** The same reasoning for both layouts (the simulator's default one repeats the last user message). */
	private static final String REASONING = "先确认客户问的是哪个型号和哪个方面，再从段落中找出对应的说明并标注来源。";

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	ChatService chat;

	@Autowired
	ChatModel model;

	@Autowired
	KnowledgeLookup lookup;

	@Autowired
	PromptTexts texts;

	@Autowired
	PriceTable prices;

	@Autowired
	CircuitBreakers circuits;

	@Test
	void stableLayoutServesMostOfTheLaterPromptsFromTheCache() throws IOException {
		List<List<String>> conversations = conversations();
		// Other tests in this context inject faults; every turn here must reach the model when it should.
		this.circuits.of(BackendKind.REMOTE).reset();
		this.deepseek.reset();
		this.deepseek.onUserMessage("", ScriptedReply.text(ANSWER).withReasoning(REASONING));
		Tally ours = new Tally();
		for (List<String> questions : conversations) {
			String conversationId = null;
			for (int turn = 0; turn < questions.size(); turn++) {
				ChatReply reply = this.chat.answer(new ChatRequest(conversationId, questions.get(turn)), "measurement");
				assertThat(reply.mode()).isNotEqualTo(ChatMode.RETRIEVAL_ONLY);
				conversationId = reply.conversationId();
				ours.add(turn, reply.usage());
			}
		}
		this.deepseek.reset();
		this.deepseek.onUserMessage("", ScriptedReply.text(ANSWER).withReasoning(REASONING));
		Tally rebuilt = new Tally();
		for (List<String> questions : conversations) {
			List<Message> history = new ArrayList<>();
			for (int turn = 0; turn < questions.size(); turn++) {
				rebuilt.add(turn, rebuiltTurn(history, (turn > 0) ? questions.get(turn - 1) : null, questions.get(turn)));
			}
		}
		String model = this.deepseek.requests().last().json().path("model").asString();
		String report = report(ours, rebuilt, model);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/chat-cache-report.md"), report);
		System.out.println(report);
		assertThat(ours.laterHitShare()).isGreaterThanOrEqualTo(0.70);
		assertThat(ours.laterHitShare()).isGreaterThan(rebuilt.laterHitShare());
	}

	/**
	 * The common layout: this turn's passages in the system prompt, then plain questions and answers. Passages are
	 * looked up as the app does (a follow-up with the question before it).
	 */
	private TokenUsage rebuiltTurn(List<Message> history, String previous, String question) {
		KnowledgeLookup.Found found = this.lookup.find(question, (previous != null) ? List.of(previous) : List.of());
		if (!found.covered() || found.faq()) {
			history.add(new UserMessage(question));
			history.add(new AssistantMessage(ANSWER));
			return null;
		}
		List<PromptTexts.Numbered> numbered = new ArrayList<>();
		for (int i = 0; i < found.passages().size(); i++) {
			numbered.add(new PromptTexts.Numbered(i + 1, found.passages().get(i)));
		}
		String passages = this.texts.userTurn(numbered, List.of(), question);
		passages = passages.substring(0, passages.indexOf("<question>"));
		List<Message> prompt = new ArrayList<>();
		prompt.add(new SystemMessage(this.texts.systemPrompt(Language.ZH) + "\n\n" + passages));
		prompt.addAll(history);
		prompt.add(new UserMessage("<question>\n" + question + "\n</question>"));
		ChatResponse response = this.model.call(new Prompt(prompt));
		history.add(new UserMessage("<question>\n" + question + "\n</question>"));
		history.add(new AssistantMessage(response.getResult().getOutput().getText()));
		return ModelUsage.of(response);
	}

	private String report(Tally ours, Tally rebuilt, String model) {
		BigDecimal oursCost = ours.cost(this.prices, model);
		BigDecimal rebuiltCost = rebuilt.cost(this.prices, model);
		BigDecimal perThousand = rebuiltCost.subtract(oursCost)
			.multiply(BigDecimal.valueOf(1000))
			.divide(BigDecimal.valueOf(CONVERSATIONS), 4, RoundingMode.HALF_UP);
		return """
				# Context cache: stable layout vs prompt rebuilt each turn

				%d conversations of %d consecutive evaluation-set questions, simulator prefix cache (64-token units),
				model %s priced by the starter's PriceTable at peak.

				| layout | model calls (turn 2+) | prompt tokens (turn 2+) | cache-hit tokens (turn 2+) | hit share (turn 2+) | cost of all turns (CNY) |
				|---|---|---|---|---|---|
				| app (stable system prompt, history verbatim, new turn appended) | %d | %d | %d | %.1f%% | %s |
				| rebuilt (passages in the system prompt each turn) | %d | %d | %d | %.1f%% | %s |

				Difference per 1,000 such conversations: %s CNY.
				""".formatted(CONVERSATIONS, TURNS, model, ours.laterCalls, ours.laterPrompt, ours.laterHit,
				100 * ours.laterHitShare(), oursCost.toPlainString(), rebuilt.laterCalls, rebuilt.laterPrompt,
				rebuilt.laterHit, 100 * rebuilt.laterHitShare(), rebuiltCost.toPlainString(), perThousand.toPlainString());
	}

	private static List<List<String>> conversations() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<String> questions = new ArrayList<>();
		try (InputStream in = ContextCacheMeasurementTests.class.getResourceAsStream("/eval/questions.jsonl")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					questions.add(json.readTree(line).path("query").asString());
				}
			}
		}
		List<List<String>> conversations = new ArrayList<>();
		for (int i = 0; i < CONVERSATIONS; i++) {
			conversations.add(questions.subList(i * TURNS, (i + 1) * TURNS));
		}
		return conversations;
	}

	/** Token totals of the model calls of one layout. */
	private static final class Tally {

		private final List<TokenUsage> all = new ArrayList<>();

		private long laterCalls;

		private long laterPrompt;

		private long laterHit;

		void add(int turn, TokenUsage usage) {
			if (usage == null) {
				return;
			}
			this.all.add(usage);
			if (turn > 0) {
				this.laterCalls++;
				this.laterPrompt += usage.promptTokens();
				this.laterHit += usage.cacheHitTokens();
			}
		}

		double laterHitShare() {
			return (this.laterPrompt == 0) ? 0 : (double) this.laterHit / this.laterPrompt;
		}

		BigDecimal cost(PriceTable prices, String model) {
			return this.all.stream()
				.map((usage) -> prices.remoteCost(model, usage.cacheHitTokens(), usage.cacheMissTokens(),
						usage.completionTokens(), PEAK))
				.reduce(BigDecimal.ZERO, BigDecimal::add)
				.setScale(6, RoundingMode.HALF_UP);
		}

	}

}
