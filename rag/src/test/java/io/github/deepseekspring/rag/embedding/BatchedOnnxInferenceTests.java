package io.github.deepseekspring.rag.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.EmbeddingRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched inference gives every text the vector the model's own one-text-at-a-time encoder (langchain4j's) gives it:
 * texts of different lengths padded into one run (the Chinese model; the quantised English one runs a text at a time),
 * texts over 512 tokens, and callers embedding at the same time, whose texts share runs.
 */
class BatchedOnnxInferenceTests {

	private static final OnnxEmbeddingModel chinese = OnnxEmbeddingModel.bgeSmallZh();

	private static final OnnxEmbeddingModel english = OnnxEmbeddingModel.bgeSmallEn();

	private static final List<String> TEXTS = List.of("路由器保修两年", "YF-AX3000 有几个网口？",
			"为这个句子生成表示以用于检索相关文章：怎么通过 App 升级路由器固件？",
			"The router's warranty lasts two years from delivery; keep the invoice for any repair.",
			"退货政策\n\n签收后 7 天内可无理由退货，商品需保持完好，运费由买家承担；质量问题的退货运费由云帆承担。",
			"E-1023", "Mesh 节点指示灯黄色常亮表示与主路由连接较弱，请将节点移近主路由。");

	@AfterAll
	static void close() {
		chinese.close();
		english.close();
	}

	@Test
	void batchedVectorsAreTheOneByOneVectors() {
		assertSameVectors(chinese, new BgeSmallZhV15EmbeddingModel(), TEXTS);
		assertSameVectors(english, new BgeSmallEnV15QuantizedEmbeddingModel(), TEXTS);
	}

	@Test
	void aTextOverTheModelsLengthIsEmbeddedInPartsAsBefore() {
		String long_ = "云帆路由器的保修政策适用于在官方渠道购买的全部产品。".repeat(40);
		assertSameVectors(chinese, new BgeSmallZhV15EmbeddingModel(), List.of("短句", long_, "另一个短句"));
	}

	@Test
	void concurrentCallersEachGetTheirOwnVectors() throws Exception {
		List<String> questions = new ArrayList<>();
		for (int i = 0; i < 48; i++) {
			questions.add(TEXTS.get(i % TEXTS.size()) + " 订单 " + (1000 + i));
		}
		List<float[]> expected = chinese.call(new EmbeddingRequest(questions, null))
			.getResults()
			.stream()
			.map((embedding) -> embedding.getOutput())
			.toList();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<float[]>> answers = new ArrayList<>();
			for (String question : questions) {
				answers.add(callers.submit(() -> {
					start.await();
					return chinese.embed(question);
				}));
			}
			start.countDown();
			for (int i = 0; i < questions.size(); i++) {
				assertThat(UnitVectors.dot(answers.get(i).get(), expected.get(i))).as(questions.get(i))
					.isGreaterThan(0.9999);
			}
		}
	}

	private static void assertSameVectors(OnnxEmbeddingModel batched, AbstractInProcessEmbeddingModel oneByOne,
			List<String> texts) {
		List<float[]> vectors = batched.call(new EmbeddingRequest(texts, null))
			.getResults()
			.stream()
			.map((embedding) -> embedding.getOutput())
			.toList();
		for (int i = 0; i < texts.size(); i++) {
			float[] reference = UnitVectors.normalised(oneByOne.embed(texts.get(i)).content().vector());
			assertThat(UnitVectors.dot(vectors.get(i), reference)).as(texts.get(i)).isGreaterThan(0.9999);
		}
	}

}
