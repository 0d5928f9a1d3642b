package io.github.deepseekspring.rag.app.agent;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.photo.PhotoStore;
import io.github.deepseekspring.testkit.TestImages;
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

	@Autowired
	PhotoStore photos;

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
		String question = this.conversations.messages(conversationId).get(0).id();
		// What another kind of content would contribute: a part of its own type, after the message's text.
		TranscriptPartSource voice = (id) -> Map.of(question, List.of(new VoiceNote("/notes/1", 12)));
		Transcript transcript = new Transcript(this.conversations, this.channel, List.of(voice), this.json);
		List<Transcript.Entry> entries = transcript.of(conversationId);
		assertThat(entries.get(0).kind()).isEqualTo("customer");
		assertThat(entries.get(0).parts()).extracting(TranscriptPart::type).containsExactly("text", "voice");
		JsonNode wire = this.json.valueToTree(entries.get(0));
		assertThat(wire.path("parts").get(1).path("type").asString()).isEqualTo("voice");
		assertThat(wire.path("parts").get(1).path("seconds").asInt()).isEqualTo(12);
		assertThat(entries.get(1).kind()).isEqualTo("assistant");
		assertThat(entries.get(1).parts()).extracting(TranscriptPart::type).doesNotContain("voice");
	}

	@Test
	void theAgentSeesTheCustomersPhotosOfATicketOnly() {
		SupportHttp visitor = customer();
		String photo = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png());
		JsonNode reply = visitor.post("/api/chat", Map.of("message", "What does this YF-Q7 warranty label mean?",
				"images", List.of(photo))).assertStatus(200).body();
		String conversationId = reply.path("conversationId").asString();
		String ticketId = visitor.post("/api/chat/" + conversationId + "/handoff", Map.of()).assertStatus(201).body()
			.path("ticketId").asString();

		JsonNode question = agent("li.na").get("/api/agent/tickets/" + ticketId).assertStatus(200).body()
			.path("transcript").get(0);
		assertThat(question.path("parts").get(0).path("type").asString()).isEqualTo("text");
		JsonNode part = question.path("parts").get(1);
		assertThat(part.path("type").asString()).isEqualTo("photo");
		assertThat(part.path("format").asString()).isEqualTo("PNG");
		String url = part.path("url").asString();
		SupportHttp.Reply image = agent("li.na").get(url).assertStatus(200);
		assertThat(image.headers().firstValue("Content-Type")).contains("image/png");

		customer().get(url).assertProblem(401);
		String withoutTicket = visitor.post("/api/chat", Map.of("message", "And this one?", "images", List.of(photo)))
			.body().path("conversationId").asString();
		String photoId = this.photos.forConversation(withoutTicket).values().iterator().next().get(0).photoId();
		agent("li.na").get("/api/agent/conversations/" + withoutTicket + "/photos/" + photoId).assertProblem(404);
		admin().get("/api/admin/conversations/" + withoutTicket + "/photos/" + photoId).assertStatus(200);
		agent("li.na").get("/api/agent/conversations/" + conversationId + "/photos/no-such-photo").assertProblem(404);
	}

	record VoiceNote(String url, int seconds) implements TranscriptPart {

		@Override
		public String type() {
			return "voice";
		}

	}

}
