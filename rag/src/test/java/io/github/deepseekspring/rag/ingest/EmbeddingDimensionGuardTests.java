package io.github.deepseekspring.rag.ingest;

import java.nio.file.Path;
import java.util.List;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;
import io.github.deepseekspring.rag.embedding.EmbeddingUnavailableException;
import io.github.deepseekspring.rag.embedding.UnitEmbeddings;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vectors of two embedding models never mix in one index; the refusal names the properties to change. */
class EmbeddingDimensionGuardTests {

	@TempDir
	Path folder;

	@Test
	void ingestionRefusesVectorsOfAnotherSizeAndStoresNothing() {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			new IngestionService(new DocumentParser(), new Chunker(300, 50), new UnitEmbeddings(3), store)
				.ingest("保修两年".getBytes(UTF_8), DocumentFormat.TEXT, "a.txt", "保修");

			IngestionService otherModel = new IngestionService(new DocumentParser(), new Chunker(300, 50),
					new UnitEmbeddings(4), store);
			assertThatThrownBy(() -> otherModel.ingest("退货七天".getBytes(UTF_8), DocumentFormat.TEXT, "b.txt", "退货"))
				.isInstanceOf(EmbeddingMismatchException.class)
				.hasMessageContaining("3-dimension")
				.hasMessageContaining("4-dimension")
				.hasMessageContaining("unit-4")
				.hasMessageContaining("deepseek.rag.embedding.provider")
				.hasMessageContaining("deepseek.rag.elasticsearch.alias");
			assertThat(store.documents()).singleElement().satisfies((document) -> assertThat(document.title()).isEqualTo("保修"));
		}
	}

	@Test
	void startUpChecksOnlyAnIndexThatHoldsVectorsAndToleratesAnAbsentModel() {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			assertThatNoException().isThrownBy(() -> guard(new UnitEmbeddings(4)).verifyAtStartup(store));
			new IngestionService(new DocumentParser(), new Chunker(300, 50), new UnitEmbeddings(3), store)
				.ingest("保修两年".getBytes(UTF_8), DocumentFormat.TEXT, "a.txt", "保修");

			assertThatThrownBy(() -> guard(new UnitEmbeddings(4)).verifyAtStartup(store))
				.isInstanceOf(EmbeddingMismatchException.class);
			assertThatNoException().isThrownBy(() -> guard(new UnitEmbeddings(3)).verifyAtStartup(store));
			assertThatNoException().isThrownBy(() -> guard(new AwayEmbeddings()).verifyAtStartup(store));
		}
	}

	private static EmbeddingDimensionGuard guard(Embedder embeddings) {
		return new EmbeddingDimensionGuard(VectorSpaces.of(embeddings));
	}

	/** A model that cannot be reached. */
	private static final class AwayEmbeddings implements Embedder {

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
