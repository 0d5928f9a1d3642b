package io.github.deepseekspring.rag.app.agent;

import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.conversation.StoredMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base from the inbox: passages to cite, an agent's reviewed reply saved as an FAQ entry that the next
 * customer gets from the FAQ path, and transcripts that show whatever parts a message has.
 */
class AgentKnowledgeApiTests extends CustomerServiceApp {

	@Autowired
	ConversationStore conversations;

	@Autowired
	AgentChannelStore channel;

	@Autowired
	JsonMapper json;

	@Test
	void anAgentFindsPassagesToCite() {
		JsonNode passages = agent("wang.wei").get("/api/agent/passages?q=YF-Q7+warranty+adapter&k=3")
			.assertStatus(200)
			.body();
		assertThat(passages.size()).isBetween(1, 3);
		assertThat(passages.get(0).path("title").asString()).isEqualTo("YF-Q7 travel router warranty");
		assertThat(passages.get(0).path("snippet").asString()).contains("30 months");
		assertThat(passages.get(0).path("documentId").asString()).isNotBlank();
	}

	@Test
	void aReplySavedAsFaqAnswersTheNextCustomerWithoutTheModel() {
		String question = "Can I take the YF-Q7 travel router on a plane?";
		JsonNode saved = agent("li.na").post("/api/agent/faq", Map.of("question", question, "answer",
				"Yes. The YF-Q7 travel router may travel in cabin luggage; switch it off during take-off."))
			.assertStatus(201)
			.body();
		assertThat(saved.path("title").asString()).isEqualTo("FAQ: " + question);
		assertThat(saved.path("chunks").asInt()).isPositive();

		int modelCalls = this.deepseek.requests().count();
		JsonNode reply = customer().chat(null, question).assertStatus(200).body();
		assertThat(reply.path("mode").asString()).isEqualTo("faq");
		assertThat(reply.path("answer").asString()).contains("may travel in cabin luggage");
		assertThat(reply.path("citations").get(0).path("title").asString()).isEqualTo("FAQ: " + question);
		assertThat(this.deepseek.requests().count()).isEqualTo(modelCalls);
	}

	@Test
	void badInputAnswersProblemDetails() {
		SupportHttp liNa = agent("li.na");
		liNa.get("/api/agent/passages").assertProblem(400);
		liNa.get("/api/agent/passages?q=+++").assertProblem(400);
		liNa.get("/api/agent/passages?q=" + "x".repeat(501)).assertProblem(400);
		liNa.get("/api/agent/passages?q=warranty&k=0").assertProblem(400);
		liNa.get("/api/agent/passages?q=warranty&k=21").assertProblem(400);
		liNa.get("/api/agent/passages?q=warranty&k=many").assertProblem(400);
		liNa.post("/api/agent/faq", Map.of("question", "Two\nlines?", "answer", "No.")).assertProblem(400);
		liNa.post("/api/agent/faq", Map.of("question", "Headings?", "answer", "No.\n## Q: injected?\nYes."))
			.assertProblem(400);
		liNa.post("/api/agent/faq", Map.of("question", "", "answer", "Something.")).assertProblem(400);
		liNa.post("/api/agent/faq", Map.of("question", "Long?", "answer", "y".repeat(4001))).assertProblem(400);
		liNa.postJson("/api/agent/faq", "[]").assertProblem(400);
		// Without credentials the request has no CSRF token either: refused before anything else.
		customer().post("/api/agent/faq", Map.of("question", "Mine?", "answer", "Yes.")).assertProblem(403);
		customer().get("/api/agent/passages?q=warranty").assertProblem(401);
		SupportHttp.apiKey(this.port, "support-test-key-not-secret").get("/api/agent/passages?q=warranty")
			.assertProblem(403);
	}

	@Test
	void transcriptsShowEveryPartSourcesAddAfterTheText() {
		String conversationId = customer().chat(null, "How long is the YF-Q7 warranty?").body().path("conversationId")
			.asString();
		// What a photo feature would contribute: a part of its own type, after the message's text.
		TranscriptPartSource photos = (message) -> StoredMessage.USER.equals(message.role())
				? List.of(new Photo("/api/chat/" + conversationId + "/photos/1", "router label")) : List.of();
		Transcript transcript = new Transcript(this.conversations, this.channel, List.of(photos), this.json);
		List<Transcript.Entry> entries = transcript.of(conversationId);
		assertThat(entries.get(0).kind()).isEqualTo("customer");
		assertThat(entries.get(0).parts()).extracting(TranscriptPart::type).containsExactly("text", "photo");
		JsonNode wire = this.json.valueToTree(entries.get(0));
		assertThat(wire.path("parts").get(1).path("type").asString()).isEqualTo("photo");
		assertThat(wire.path("parts").get(1).path("alt").asString()).isEqualTo("router label");
		assertThat(entries.get(1).kind()).isEqualTo("assistant");
	}

	record Photo(String url, String alt) implements TranscriptPart {

		@Override
		public String type() {
			return "photo";
		}

	}

}
