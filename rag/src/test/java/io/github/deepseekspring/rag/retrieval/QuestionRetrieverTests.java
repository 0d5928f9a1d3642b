package io.github.deepseekspring.rag.retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.embedding.EmbeddingModelEmbedder;
import io.github.deepseekspring.rag.embedding.OnnxEmbeddingModel;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.query.ConversationQueryExpansion;
import io.github.deepseekspring.rag.query.QueryExpansion;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The model is asked only where it helps: follow-ups, and questions whose passages are in the other language. */
class QuestionRetrieverTests {

	private static final VectorSpaces SPACES = VectorSpaces.of(EmbeddingModelEmbedder.of(OnnxEmbeddingModel.bgeSmallZh()));

	@TempDir
	Path folder;

	private LuceneKnowledgeStore store;

	private final List<String> asked = new ArrayList<>();

	private QuestionRetriever questions;

	@BeforeEach
	void knowledgeBase() {
		this.store = LuceneKnowledgeStore.open(this.folder);
		new IngestionService(new DocumentParser(), new Chunker(300, 50), SPACES, this.store).ingest(
				"# 保修政策\n\n## 保修期限\n\nYF-AX3000 路由器主机保修两年。\n\n## YF-BE7200\n\nYF-BE7200 主机保修三年。".getBytes(UTF_8),
				DocumentFormat.MARKDOWN, "warranty.md", "保修政策");
		QueryExpansion model = (question, earlier) -> {
			this.asked.add(question);
			return List.of(question, "YF-BE7200 保修多久", "YF-BE7200 保修");
		};
		this.questions = new QuestionRetriever(new HybridRetriever(this.store, SPACES, RetrievalSettings.defaults()),
				new ConversationQueryExpansion(), model);
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aFirstQuestionWithPassagesInItsLanguageCostsNoModelCall() {
		assertThat(this.questions.retrieve("YF-AX3000 保修多久？", List.of(), 3).covered()).isTrue();
		assertThat(this.asked).isEmpty();
	}

	@Test
	void followUpsAndQuestionsInTheOtherLanguageAreRewritten() {
		Retrieval followUp = this.questions.retrieve("那 BE7200 呢？", List.of("YF-AX3000 保修多久？"), 3);
		assertThat(followUp.passages()).isNotEmpty();
		this.questions.retrieve("How long is the warranty of the router?", List.of(), 3);
		assertThat(this.asked).containsExactly("那 BE7200 呢？", "How long is the warranty of the router?");
	}

}
