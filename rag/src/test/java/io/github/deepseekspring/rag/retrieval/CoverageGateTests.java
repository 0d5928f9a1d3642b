package io.github.deepseekspring.rag.retrieval;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.deepseekspring.rag.embedding.EmbeddingModelEmbedder;
import io.github.deepseekspring.rag.embedding.OnnxEmbeddingModel;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The coverage floor is measured from the model itself, on this knowledge base, and measured again when it grows. */
class CoverageGateTests {

	private static final VectorSpaces SPACES = VectorSpaces.of(EmbeddingModelEmbedder.of(OnnxEmbeddingModel.bgeSmallZh()));

	@TempDir
	Path folder;

	@Test
	void coversInDomainQuestionsAndNamedCodes() {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			ingest(store, "warranty.md", "# 保修政策\n\n## 保修期限\n\nYF-AX3000 路由器主机自签收之日起保修两年，电源适配器保修一年。"
					+ "\n\n## 如何申请\n\n在云帆管家 App 中提交保修申请，附上订单号和故障照片。");
			ingest(store, "shipping.md", "# 配送与运费\n\n## 运费\n\n订单满 99 元免运费，不满 99 元收取 8 元运费。");
			HybridRetriever retriever = new HybridRetriever(store, SPACES, RetrievalSettings.defaults());

			assertThat(retriever.retrieve("路由器坏了能保修多久", 3).covered()).isTrue();
			assertThat(retriever.retrieve("运费怎么算", 3).covered()).isTrue();
			assertThat(retriever.retrieve("YF-AX3000", 3).covered()).isTrue();
		}
	}

	@Test
	void aQuestionLessSimilarThanTheProbesIsNotCovered() {
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			ingest(store, "shipping.md", "# 运费\n\n订单满 99 元免运费。");
			CoverageGate gate = new CoverageGate(store, SPACES, 40, Clock.systemUTC());
			double floor = gate.floor(SPACES.primary());
			KnowledgeChunk chunk = store.chunks(store.documents().get(0).documentId()).get(0);

			assertThat(gate.covers(SPACES.primary(), List.of(new StoreHit(chunk, floor, false)), false)).isTrue();
			assertThat(gate.covers(SPACES.primary(), List.of(new StoreHit(chunk, floor - 0.01, false)), false)).isFalse();
			assertThat(gate.covers(SPACES.primary(), List.of(new StoreHit(chunk, floor - 0.01, false)), true))
				.as("a named code is enough").isTrue();
			assertThat(gate.covers(SPACES.primary(), List.of(), false)).isFalse();
		}
	}

	@Test
	void theFloorIsMeasuredAgainOnlyWhenTheKnowledgeBaseChanged() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T00:00:00Z"));
		Clock clock = new Clock() {
			@Override
			public Instant instant() {
				return now.get();
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(this.folder)) {
			ingest(store, "shipping.md", "# 运费\n\n订单满 99 元免运费。");
			CoverageGate gate = new CoverageGate(store, SPACES, 40, clock);
			double first = gate.floor(SPACES.primary());
			assertThat(first).isBetween(0.3, 0.95);

			ingest(store, "warranty.md", "# 保修\n\n主机保修两年。今天天气晴朗，适合出门。东京现在是晚上。");
			assertThat(gate.floor(SPACES.primary())).as("trusted until the interval passes").isEqualTo(first);
			now.set(now.get().plus(CoverageGate.RECALIBRATION_INTERVAL).plus(Duration.ofSeconds(1)));
			double grown = gate.floor(SPACES.primary());
			assertThat(grown).as("measured again on the grown knowledge base").isGreaterThan(first);

			ingest(store, "warranty.md", "# 保修\n\n主机保修两年。配件保修一年，凭发票办理。");
			now.set(now.get().plus(CoverageGate.RECALIBRATION_INTERVAL).plus(Duration.ofSeconds(1)));
			assertThat(store.chunkCount()).as("a replacement of the same size").isEqualTo(2);
			assertThat(gate.floor(SPACES.primary())).as("measured again after the replacement").isNotEqualTo(grown);
		}
	}

	private static void ingest(LuceneKnowledgeStore store, String name, String markdown) {
		new IngestionService(new DocumentParser(), new Chunker(300, 50), SPACES, store)
			.ingest(markdown.getBytes(UTF_8), DocumentFormat.MARKDOWN, name, name);
	}

}
