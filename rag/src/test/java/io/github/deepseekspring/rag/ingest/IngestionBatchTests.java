package io.github.deepseekspring.rag.ingest;

import java.nio.file.Path;
import java.util.List;

import io.github.deepseekspring.rag.embedding.UnitEmbeddings;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batches of documents are written in one step: all of them, or none when one cannot be ingested. */
class IngestionBatchTests {

	@TempDir
	Path folder;

	@Test
	void aBatchIsStoredTogetherAndUnchangedDocumentsAreSkipped() {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			IngestionService ingestion = ingestion(store);
			ingestion.ingest("# 保修\n\n主机保修两年。".getBytes(UTF_8), DocumentFormat.MARKDOWN, "warranty.md", "保修");

			List<IngestionResult> results = ingestion.ingestAll(List.of(
					upload("# 保修\n\n主机保修两年。", "warranty.md"), upload("# 运费\n\n满 99 元免运费。", "shipping.md"),
					upload("# 退货\n\n七天无理由退货。", "returns.md")));

			assertThat(results).extracting(IngestionResult::status)
				.containsExactly(IngestionResult.Status.UNCHANGED, IngestionResult.Status.CREATED,
						IngestionResult.Status.CREATED);
			assertThat(store.documents()).hasSize(3);
		}
	}

	@Test
	void anUnreadableDocumentLeavesTheWholeBatchUnstored() {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			List<IngestionService.Upload> batch = List.of(upload("# 运费\n\n满 99 元免运费。", "shipping.md"),
					new IngestionService.Upload(new byte[0], DocumentFormat.TEXT, "empty.txt", "空"));

			assertThatThrownBy(() -> ingestion(store).ingestAll(batch)).isInstanceOf(UnreadableDocumentException.class);
			assertThat(store.chunkCount()).isZero();
		}
	}

	private static IngestionService ingestion(LuceneKnowledgeStore store) {
		return new IngestionService(new DocumentParser(), new Chunker(300, 50), new UnitEmbeddings(3), store);
	}

	private static IngestionService.Upload upload(String markdown, String source) {
		return new IngestionService.Upload(markdown.getBytes(UTF_8), DocumentFormat.MARKDOWN, source, null);
	}

}
