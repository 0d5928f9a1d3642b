package io.github.deepseekspring.rag.ingest;

import java.nio.file.Path;
import java.util.List;

import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;
import io.github.deepseekspring.rag.embedding.EmbeddingProperties;
import io.github.deepseekspring.rag.embedding.EmbeddingService;
import io.github.deepseekspring.rag.embedding.EmbeddingUnavailableException;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vectors of two embedding models never mix in one index; the refusal names the properties to change. */
class EmbeddingDimensionGuardTests {

	private static final EmbeddingDimensionGuard GUARD = new EmbeddingDimensionGuard(new EmbeddingProperties(
			EmbeddingProperties.Provider.LOCAL_RUNTIME, "nomic-embed-text", null, null));

	@TempDir
	Path folder;

	@Test
	void ingestionRefusesVectorsOfAnotherSizeAndStoresNothing() {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			new IngestionService(new DocumentParser(), new Chunker(300, 50), new UnitEmbeddings(3), store, GUARD)
				.ingest("保修两年".getBytes(UTF_8), DocumentFormat.TEXT, "a.txt", "保修");

			IngestionService otherModel = new IngestionService(new DocumentParser(), new Chunker(300, 50),
					new UnitEmbeddings(4), store, GUARD);
			assertThatThrownBy(() -> otherModel.ingest("退货七天".getBytes(UTF_8), DocumentFormat.TEXT, "b.txt", "退货"))
				.isInstanceOf(EmbeddingMismatchException.class)
				.hasMessageContaining("3-dimension")
				.hasMessageContaining("4-dimension")
				.hasMessageContaining("deepseek.rag.embedding.model=nomic-embed-text")
				.hasMessageContaining("deepseek.rag.elasticsearch.alias");
			assertThat(store.documents()).singleElement().satisfies((document) -> assertThat(document.title()).isEqualTo("保修"));
		}
	}

	@Test
	void startUpChecksOnlyAnIndexThatHoldsVectorsAndToleratesAnAbsentModel() {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			assertThatNoException().isThrownBy(() -> GUARD.verifyAtStartup(store, new UnitEmbeddings(4)));
			new IngestionService(new DocumentParser(), new Chunker(300, 50), new UnitEmbeddings(3), store, GUARD)
				.ingest("保修两年".getBytes(UTF_8), DocumentFormat.TEXT, "a.txt", "保修");

			assertThatThrownBy(() -> GUARD.verifyAtStartup(store, new UnitEmbeddings(4)))
				.isInstanceOf(EmbeddingMismatchException.class);
			assertThatNoException().isThrownBy(() -> GUARD.verifyAtStartup(store, new UnitEmbeddings(3)));
			assertThatNoException().isThrownBy(() -> GUARD.verifyAtStartup(store, new AwayEmbeddings()));
		}
	}

	/** A model that cannot be reached. */
	private static final class AwayEmbeddings implements EmbeddingService {

		@Override
		public List<float[]> embedPassages(List<String> passages) {
			throw new EmbeddingUnavailableException("away");
		}

		@Override
		public float[] embedQuery(String query) {
			throw new EmbeddingUnavailableException("away");
		}

		@Override
		public int dimensions() {
			throw new EmbeddingUnavailableException("away");
		}

	}

}
