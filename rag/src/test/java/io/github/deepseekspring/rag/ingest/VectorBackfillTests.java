package io.github.deepseekspring.rag.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.github.deepseekspring.rag.embedding.UnitEmbeddings;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.StoredDocument;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import io.github.deepseekspring.rag.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** An index built with one model gains the vectors of a model added beside it, without a re-ingest. */
class VectorBackfillTests {

	@TempDir
	Path folder;

	@Test
	void aSpaceAddedLaterIsFilledFromTheStoredChunks() throws Exception {
		VectorSpaces before = VectorSpaces.of(new UnitEmbeddings(3));
		VectorSpaces after = VectorSpaces.of(new UnitEmbeddings(3),
				List.of(new VectorSpace("en", new UnitEmbeddings(2), Set.of(Language.EN))));
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			new IngestionService(new DocumentParser(), new Chunker(300, 50), before, store).ingestAll(List.of(
					new IngestionService.Upload("# 保修\n\n主机保修两年。\n\n# 运费\n\n满 99 元免运费。".getBytes(UTF_8),
							DocumentFormat.MARKDOWN, "policy.md", "售后"),
					new IngestionService.Upload("Returns within 7 days.".getBytes(UTF_8), DocumentFormat.TEXT,
							"returns.txt", "Returns")));
			long chunks = store.chunkCount();
			assertThat(store.vectorCount("en")).isZero();

			VectorBackfill backfill = new VectorBackfill(store, after,
					new IngestionService(new DocumentParser(), new Chunker(300, 50), after, store));
			assertThat(backfill.incompleteSpaces()).containsExactly("en");
			backfill.start();
			backfill.await();

			assertThat(backfill.incompleteSpaces()).isEmpty();
			assertThat(store.chunkCount()).isEqualTo(chunks);
			assertThat(store.vectorCount("en")).isEqualTo(chunks);
			assertThat(store.vectorSpaces()).containsEntry(KnowledgeChunk.DEFAULT_SPACE, 3).containsEntry("en", 2);
			assertThat(store.keywordSearch("保修", 5)).isNotEmpty();
		}
	}

	@Test
	void embeddingAgainTellsItsProgressDocumentByDocument() throws Exception {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			VectorSpaces spaces = VectorSpaces.of(new UnitEmbeddings(3));
			IngestionService ingestion = new IngestionService(new DocumentParser(), new Chunker(300, 50), spaces, store);
			ingestion.ingest("保修两年".getBytes(UTF_8), DocumentFormat.TEXT, "a.txt", "保修");
			ingestion.ingest("Returns within 7 days.".getBytes(UTF_8), DocumentFormat.TEXT, "b.txt", "Returns");
			List<String> told = new java.util.ArrayList<>();
			int embedded = ingestion.embedAgain(new EmbeddingProgress() {

				@Override
				public void started(int index, int total, StoredDocument document) {
					told.add("started " + index + "/" + total + " " + document.title());
				}

				@Override
				public void embedded(int index, int total, StoredDocument document, int chunks) {
					told.add("embedded " + index + "/" + total + " " + document.title() + " " + chunks);
				}

			});

			assertThat(embedded).isEqualTo(store.chunkCount());
			assertThat(told).hasSize(4);
			assertThat(told.get(0)).startsWith("started 0/2");
			assertThat(told.get(1)).startsWith("embedded 0/2").endsWith(" 1");
			assertThat(told.get(2)).startsWith("started 1/2");
			assertThat(told.get(3)).startsWith("embedded 1/2").endsWith(" 1");
		}
	}

	@Test
	void aCompleteIndexStartsNothing() throws Exception {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			VectorSpaces spaces = VectorSpaces.of(new UnitEmbeddings(3));
			IngestionService ingestion = new IngestionService(new DocumentParser(), new Chunker(300, 50), spaces, store);
			ingestion.ingest("保修两年".getBytes(UTF_8), DocumentFormat.TEXT, "a.txt", "保修");
			VectorBackfill backfill = new VectorBackfill(store, spaces, ingestion);

			assertThat(backfill.incompleteSpaces()).isEmpty();
			backfill.start();
			backfill.await();
		}
	}

}
