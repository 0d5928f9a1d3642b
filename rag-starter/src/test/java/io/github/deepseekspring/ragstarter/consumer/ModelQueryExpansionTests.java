package io.github.deepseekspring.ragstarter.consumer;

import java.nio.file.Path;
import java.util.List;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.retrieval.KnowledgeMetadata;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deepseek.rag.query.expansion=model} with the DeepSeek starter, over real HTTP to the simulator: an English
 * question over a Chinese knowledge base, and a follow-up, are rewritten and translated by one short call whose
 * instructions come first, and the translation finds the Chinese passage.
 */
@SpringBootTest(classes = RagConsumerApplication.class,
		properties = { "deepseek.rag.query.expansion=model", "deepseek.chat.thinking=disabled" })
@UseDeepSeekSimulator
class ModelQueryExpansionTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
	}

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	KnowledgeBase knowledgeBase;

	@Autowired
	DocumentRetriever knowledgeBaseRetriever;

	@Test
	void anEnglishFollowUpOverAChineseKnowledgeBaseIsRewrittenAndTranslated() {
		this.knowledgeBase.ingest(new ClassPathResource("docs/warranty.md"));
		this.deepseek.reset();
		this.deepseek.onUserMessage("Latest question: and the power adapter?", ScriptedReply.text("""
				{"standalone": "How long is the YF-AX3000 power adapter under warranty?",
				 "translation": "YF-AX3000 电源适配器保修多久？"}"""));

		List<Document> found = this.knowledgeBaseRetriever.retrieve(Query.builder()
			.text("and the power adapter?")
			.history(List.of(new UserMessage("How long is the YF-AX3000 router under warranty?"),
					new AssistantMessage("Two years."), new UserMessage("and the power adapter?")))
			.build());

		assertThat(found).isNotEmpty()
			.first()
			.satisfies((document) -> assertThat(document.getMetadata()).containsEntry(KnowledgeMetadata.SOURCE,
					"warranty.md"));
		RecordedRequest rewrite = this.deepseek.requests().all().get(0);
		assertThat(rewrite.json().path("messages").get(0).path("content").asString())
			.startsWith("You rewrite customer questions");
		assertThat(rewrite.json().path("messages").get(1).path("content").asString())
			.isEqualTo("Earlier questions:\n1. How long is the YF-AX3000 router under warranty?\n"
					+ "Latest question: and the power adapter?");
		assertThat(this.deepseek.requests().count()).as("one call").isEqualTo(1);
	}

}
