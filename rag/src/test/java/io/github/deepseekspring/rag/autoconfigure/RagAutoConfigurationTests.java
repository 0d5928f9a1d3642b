package io.github.deepseekspring.rag.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;
import io.github.deepseekspring.rag.embedding.UnitEmbeddings;
import io.github.deepseekspring.rag.eval.RetrievalEvaluator;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.ingest.ParseLimits;
import io.github.deepseekspring.rag.ingest.WatchedFolder;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The knowledge base's auto-configuration: what it offers, what backs off, and start-up failures that say what to set. */
class RagAutoConfigurationTests {

	@TempDir
	Path dataDir;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RagAutoConfiguration.class))
			.withPropertyValues("deepseek.rag.data-dir=" + this.dataDir);
	}

	private ApplicationContextRunner withUnitEmbeddings() {
		return runner().withBean(Embedder.class, () -> new UnitEmbeddings(3));
	}

	@Test
	void offersTheKnowledgeBaseAndASpringAiRetrieverOnTheBundledModelAndLucene() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(KnowledgeBase.class)
				.hasSingleBean(HybridRetriever.class)
				.hasSingleBean(RetrievalEvaluator.class)
				.hasBean(RagAutoConfiguration.RETRIEVER_BEAN_NAME)
				.doesNotHaveBean(WatchedFolder.class);
			assertThat(context.getBean(KnowledgeStore.class).kind()).isEqualTo("lucene");
			assertThat(context.getBean(EmbeddingConfiguration.ONNX_MODEL_BEAN_NAME, EmbeddingModel.class).dimensions())
				.isEqualTo(512);
			KnowledgeBase knowledgeBase = context.getBean(KnowledgeBase.class);
			knowledgeBase.ingest(new ByteArrayResource("# 保修政策\n\n## 保修期限\n\nYF-AX3000 路由器保修两年。".getBytes(UTF_8)) {
				@Override
				public String getFilename() {
					return "warranty.md";
				}
			});
			List<Document> found = context.getBean(RagAutoConfiguration.RETRIEVER_BEAN_NAME, DocumentRetriever.class)
				.retrieve(new Query("YF-AX3000 保修多久"));
			assertThat(found).first().satisfies((document) -> {
				assertThat(document.getText()).contains("保修两年");
				assertThat(document.getMetadata()).containsEntry("title", "保修政策")
					.containsEntry("heading_path", "保修期限")
					.containsEntry("source", "warranty.md")
					.containsKey("document_id");
				assertThat(document.getScore()).isPositive();
			});
		});
	}

	@Test
	void closingTheContextReleasesTheLuceneIndex() {
		Path index = this.dataDir.resolve("lucene");
		withUnitEmbeddings().withPropertyValues("deepseek.rag.store=lucene").run((context) -> {
			assertThat(context).hasNotFailed();
			// While the context runs, its writer holds the index lock.
			assertThatThrownBy(() -> LuceneKnowledgeStore.open(index))
				.hasRootCauseInstanceOf(LockObtainFailedException.class);
		});
		try (LuceneKnowledgeStore reopened = LuceneKnowledgeStore.open(index)) {
			assertThat(reopened.chunkCount()).isZero();
		}
	}

	@Test
	void everyBeanBacksOffForTheApplicationsOwn() {
		KnowledgeStore own = LuceneKnowledgeStore.open(this.dataDir.resolve("own"));
		withUnitEmbeddings().withBean(KnowledgeStore.class, () -> own)
			.withBean(RagAutoConfiguration.RETRIEVER_BEAN_NAME, DocumentRetriever.class, () -> (query) -> List.of())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(KnowledgeStore.class)).isSameAs(own);
				assertThat(context.getBean(Embedder.class)).isInstanceOf(UnitEmbeddings.class);
				assertThat(context).doesNotHaveBean(EmbeddingConfiguration.ONNX_MODEL_BEAN_NAME);
				assertThat(context.getBean(RagAutoConfiguration.RETRIEVER_BEAN_NAME, DocumentRetriever.class)
					.retrieve(new Query("anything"))).isEmpty();
			});
		own.close();
	}

	@Test
	void aWatchedFolderFollowsTheConfiguredFolder() throws Exception {
		Path watched = Files.createDirectories(this.dataDir.resolve("watched"));
		Files.writeString(watched.resolve("shipping.md"), "# 运费\n\n满 99 元免运费。");
		withUnitEmbeddings().withPropertyValues("deepseek.rag.ingest.watch-dir=" + watched).run((context) -> {
			assertThat(context).hasSingleBean(WatchedFolder.class);
			KnowledgeBase knowledgeBase = context.getBean(KnowledgeBase.class);
			long deadline = System.nanoTime() + 20_000_000_000L;
			while (knowledgeBase.documents().isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(knowledgeBase.documents()).singleElement()
				.satisfies((document) -> assertThat(document.source()).isEqualTo("shipping.md"));
		});
	}

	@Test
	void whatReadingADocumentMayCostIsConfigurable() {
		withUnitEmbeddings().withPropertyValues("deepseek.rag.ingest.max-document-size=3MB",
				"deepseek.rag.ingest.max-pdf-pages=7", "deepseek.rag.ingest.parse-memory=8MB",
				"deepseek.rag.ingest.max-text-length=1000")
			.run((context) -> assertThat(context.getBean(IngestionService.class).limits())
				.isEqualTo(new ParseLimits(3L * 1024 * 1024, 7, 8L * 1024 * 1024, 1000)));
	}

	@Test
	void turnedOffItOffersNothing() {
		withUnitEmbeddings().withPropertyValues("deepseek.rag.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(KnowledgeBase.class)
				.doesNotHaveBean(KnowledgeStore.class));
	}

	@Test
	void theApplicationsEmbeddingModelServesWhenAsked() {
		runner().withPropertyValues("deepseek.rag.embedding.provider=embedding-model",
				"deepseek.rag.embedding.query-instruction=q>")
			.withBean("appEmbeddings", EmbeddingModel.class, () -> new LengthEmbeddingModel())
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddingConfiguration.ONNX_MODEL_BEAN_NAME);
				Embedder embedder = context.getBean(Embedder.class);
				assertThat(embedder.dimensions()).isEqualTo(2);
				// "q>ab" is 4 characters long: the instruction went in front of the query
				assertThat(embedder.embedQuery("ab")[0]).isCloseTo((float) (4 / Math.hypot(4, 1)), within(1e-6f));
				assertThat(embedder.embedPassages(List.of("ab")).get(0)[0])
					.isCloseTo((float) (2 / Math.hypot(2, 1)), within(1e-6f));
			});
	}

	@Test
	void aMissingOrAmbiguousEmbeddingModelIsReportedWithWhatToSet() {
		runner().withPropertyValues("deepseek.rag.embedding.provider=embedding-model")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getAction())
				.contains("deepseek.rag.embedding.provider=onnx"));
		runner().withPropertyValues("deepseek.rag.embedding.provider=embedding-model")
			.withBean("one", EmbeddingModel.class, LengthEmbeddingModel::new)
			.withBean("two", EmbeddingModel.class, LengthEmbeddingModel::new)
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription()).contains("one", "two"));
		runner().withPropertyValues("deepseek.rag.embedding.provider=local-runtime")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getAction())
				.contains("deepseek.local.base-url"));
	}

	@Test
	void elasticsearchWithoutAClusterIsReportedWithWhatToSet() {
		withUnitEmbeddings().withPropertyValues("deepseek.rag.store=elasticsearch")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getAction())
				.contains("spring.elasticsearch.uris"));
	}

	@Test
	void startUpRefusesAnIndexBuiltWithAnotherModel() {
		try (LuceneKnowledgeStore built = LuceneKnowledgeStore.open(this.dataDir.resolve("lucene"))) {
			float[] vector = new float[512];
			vector[0] = 1;
			built.replaceDocument("doc", List.of(new KnowledgeChunk("doc#0", "doc", 0, "售后", null, "保修三年",
					"policy.md", null, "c0", "v1", vector)));
		}
		withUnitEmbeddings().withPropertyValues("deepseek.rag.store=lucene").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(EmbeddingMismatchException.class);
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("512-dimension", "3-dimension");
			assertThat(analysis.getAction()).contains("deepseek.rag.embedding.provider", "deepseek.rag.data-dir");
		});
	}

	private static FailureAnalysis analysis(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new KnowledgeBaseFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	/** A two-dimensional model whose first coordinate is the text's length: enough to see what was embedded. */
	static final class LengthEmbeddingModel implements EmbeddingModel {

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			List<String> texts = request.getInstructions();
			return new EmbeddingResponse(texts.stream()
				.map((text) -> new Embedding(new float[] { text.length(), 1 }, texts.indexOf(text)))
				.toList());
		}

		@Override
		public float[] embed(Document document) {
			return embed(document.getText());
		}

	}

}
