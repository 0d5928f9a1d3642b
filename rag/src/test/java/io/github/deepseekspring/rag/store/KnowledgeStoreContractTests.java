package io.github.deepseekspring.rag.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link KnowledgeStore} guarantees, run against each implementation (Lucene embedded, Elasticsearch
 * real). Vectors of the default space have three dimensions, those of {@link #SECOND_SPACE} two.
 */
public abstract class KnowledgeStoreContractTests {

	/** A second vector space, as an English model beside a Chinese one. */
	protected static final String SECOND_SPACE = "en";

	protected KnowledgeStore store;

	/** A fresh, empty store for 3-dimensional default vectors and 2-dimensional {@link #SECOND_SPACE} ones. */
	protected abstract KnowledgeStore openStore();

	/** Releases the store (and whatever it created). */
	protected abstract void closeStore(KnowledgeStore store) throws Exception;

	@BeforeEach
	void open() {
		this.store = openStore();
	}

	@AfterEach
	void close() throws Exception {
		closeStore(this.store);
	}

	@Test
	void replacesSeveralDocumentsInOneWrite() {
		this.store.replaceDocument("old", List.of(chunk("old", 0, "旧", "旧版内容", 0, 0, 1)));
		java.util.Map<String, List<KnowledgeChunk>> batch = new java.util.LinkedHashMap<>();
		batch.put("warranty", List.of(chunk("warranty", 0, "保修期限", "主机保修 2 年", 1, 0, 0),
				chunk("warranty", 1, "配件", "电源适配器保修 1 年", 0, 1, 0)));
		batch.put("shipping", List.of(chunk("shipping", 0, "运费", "满 99 元免运费", 0, 0, 1)));
		batch.put("old", List.of());

		this.store.replaceDocuments(batch);

		assertThat(this.store.chunkCount()).isEqualTo(3);
		assertThat(this.store.documentHash("old")).isEmpty();
		assertThat(this.store.keywordSearch("运费", 5)).extracting((hit) -> hit.chunk().documentId()).containsExactly("shipping");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.replaceDocuments(java.util.Map.of("a", List.of(chunk("b", 0, "h", "文本", 1, 0, 0)))));
	}

	@Test
	void reportsTheSizeOfTheVectorsItHolds() {
		this.store.replaceDocument("warranty", List.of(chunk("warranty", 0, "保修期限", "保修 2 年", 1, 0, 0)));

		assertThat(this.store.vectorDimensions()).hasValue(3);
	}

	@Test
	void vectorSpacesAreSearchedApartAndCounted() {
		this.store.replaceDocuments(java.util.Map.of("a",
				List.of(chunk("a", 0, "甲", "甲文", 1, 0, 0).withVectors(java.util.Map.of(KnowledgeChunk.DEFAULT_SPACE,
						new float[] { 1, 0, 0 }, SECOND_SPACE, new float[] { 0, 1 }))),
				"b", List.of(chunk("b", 0, "乙", "乙文", 0, 1, 0).withVectors(java.util.Map
					.of(KnowledgeChunk.DEFAULT_SPACE, new float[] { 0, 1, 0 }, SECOND_SPACE, new float[] { 1, 0 }))),
				"c", List.of(chunk("c", 0, "丙", "丙文", 0, 0, 1))));

		assertThat(this.store.vectorSpaces()).containsEntry(KnowledgeChunk.DEFAULT_SPACE, 3).containsEntry(SECOND_SPACE, 2);
		assertThat(this.store.vectorSearch(new float[] { 1, 0, 0 }, 1)).extracting((hit) -> hit.chunk().documentId())
			.containsExactly("a");
		assertThat(this.store.vectorSearch(SECOND_SPACE, new float[] { 1, 0 }, 1))
			.extracting((hit) -> hit.chunk().documentId())
			.containsExactly("b");
		assertThat(this.store.vectorSearch(SECOND_SPACE, new float[] { 1, 0 }, 5)).as("c has no vector there").hasSize(2);
		assertThat(this.store.vectorSearch("nowhere", new float[] { 1, 0 }, 5)).isEmpty();
		assertThat(this.store.vectorCount(KnowledgeChunk.DEFAULT_SPACE)).isEqualTo(3);
		assertThat(this.store.vectorCount(SECOND_SPACE)).isEqualTo(2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.vectorSearch(SECOND_SPACE, new float[] { 1, 0, 0 }, 1));
	}

	@Test
	void aDocumentsChunksComeBackInOrderWithoutVectors() {
		this.store.replaceDocument("warranty", List.of(chunk("warranty", 1, "配件", "电源适配器保修 1 年", 0, 1, 0),
				chunk("warranty", 0, "保修期限", "主机保修 2 年", 1, 0, 0)));

		assertThat(this.store.chunks("warranty")).extracting(KnowledgeChunk::text)
			.containsExactly("主机保修 2 年", "电源适配器保修 1 年");
		assertThat(this.store.chunks("warranty")).allSatisfy((chunk) -> assertThat(chunk.vectors()).isEmpty());
		assertThat(this.store.chunks("nothing")).isEmpty();
	}

	@Test
	void storesSearchesListsAndDeletesADocument() {
		this.store.replaceDocument("warranty",
				List.of(chunk("warranty", 0, "保修期限", "路由器主机自签收之日起保修 2 年", 1, 0, 0),
						chunk("warranty", 1, "配件", "电源适配器保修 1 年", 0, 1, 0)));

		assertThat(this.store.chunkCount()).isEqualTo(2);
		assertThat(this.store.documentHash("warranty")).contains("v1");
		assertThat(this.store.documents()).singleElement()
			.satisfies((document) -> assertThat(document.chunks()).isEqualTo(2))
			.satisfies((document) -> assertThat(document.title()).isEqualTo("云帆文档"));
		assertThat(this.store.keywordSearch("适配器保修", 10).get(0).chunk().chunkId()).isEqualTo("warranty#1");
		StoreHit nearest = this.store.vectorSearch(new float[] { 0.9f, 0.1f, 0 }, 1).get(0);
		assertThat(nearest.chunk().headingPath()).isEqualTo("保修期限");
		assertThat(nearest.chunk().embedding()).isNull();

		this.store.deleteDocument("warranty");
		assertThat(this.store.chunkCount()).isZero();
		assertThat(this.store.documentHash("warranty")).isEmpty();
		assertThat(this.store.documents()).isEmpty();
		assertThat(this.store.keywordSearch("保修", 10)).isEmpty();
	}

	@Test
	void searchesAfterAReplacementReturnTheNewText() {
		this.store.replaceDocument("warranty", List.of(chunk("warranty", 0, "保修期限", "主机保修 2 年", 1, 0, 0)));
		assertThat(this.store.keywordSearch("主机保修", 5).get(0).chunk().text()).isEqualTo("主机保修 2 年");
		assertThat(this.store.vectorSearch(new float[] { 1, 0, 0 }, 1).get(0).chunk().text()).isEqualTo("主机保修 2 年");
		this.store.replaceDocument("warranty", List.of(chunk("warranty", 0, "保修期限", "主机保修 3 年", 1, 0, 0)));
		assertThat(this.store.keywordSearch("主机保修", 5).get(0).chunk().text()).isEqualTo("主机保修 3 年");
		assertThat(this.store.vectorSearch(new float[] { 1, 0, 0 }, 1).get(0).chunk().text()).isEqualTo("主机保修 3 年");
	}

	@Test
	void headingsAndTitlesAreSearchableContext() {
		this.store.replaceDocument("shipping", List.of(chunk("shipping", 0, "快递与运费", "满 99 元免运费", 1, 0, 0)));
		assertThat(this.store.keywordSearch("快递", 10)).hasSize(1);
	}

	@Test
	void anExactCodeMatchOutranksAnyTextMatch() {
		this.store.replaceDocument("faq", List.of(chunk("faq", 0, "错误", "错误 错误 错误 提示错误怎么办 错误代码", 1, 0, 0)));
		this.store.replaceDocument("codes", List.of(chunk("codes", 0, "代码", "E-1023 拨号认证失败", 0, 1, 0)));

		List<StoreHit> hits = this.store.keywordSearch("E-1023 错误", 10);
		assertThat(hits).extracting((hit) -> hit.chunk().documentId()).containsExactly("codes", "faq");
		assertThat(hits).extracting(StoreHit::exactCodeMatch).containsExactly(true, false);
	}

	@Test
	void aChunkFiledUnderAnotherDocumentIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.replaceDocument("a", List.of(chunk("b", 0, "h", "文本", 1, 0, 0))))
			.withMessageContaining("belongs to b");
	}

	@Test
	void badSearchArgumentsAreRejected() {
		this.store.replaceDocument("shipping", List.of(chunk("shipping", 0, "快递与运费", "满 99 元免运费", 1, 0, 0)));
		assertThatThrownBy(() -> this.store.keywordSearch("保修", 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.store.vectorSearch(new float[] { 1, 0 }, 5))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void replacingADocumentIsAtomicForSearchers() throws Exception {
		List<KnowledgeChunk> first = List.of(versioned("v1", 0), versioned("v1", 1), versioned("v1", 2));
		List<KnowledgeChunk> second = List.of(versioned("v2", 0), versioned("v2", 1));
		this.store.replaceDocument("manual", first);
		AtomicBoolean writing = new AtomicBoolean(true);
		List<String> violations = new ArrayList<>();
		Thread reader = new Thread(() -> {
			while (writing.get()) {
				List<StoreHit> hits = this.store.keywordSearch("固件 升级 步骤", 10);
				Set<String> versions = hits.stream().map((hit) -> hit.chunk().documentHash()).collect(Collectors.toSet());
				int expected = versions.contains("v1") ? 3 : 2;
				if (versions.size() != 1 || hits.size() != expected) {
					violations.add(hits.size() + " hits of versions " + versions);
				}
			}
		});
		reader.start();
		for (int i = 0; i < 10; i++) {
			this.store.replaceDocument("manual", (i % 2 == 0) ? second : first);
		}
		writing.set(false);
		reader.join();
		assertThat(violations).isEmpty();
	}

	private static KnowledgeChunk versioned(String version, int index) {
		return new KnowledgeChunk("manual#" + version + "#" + index, "manual", index, "固件升级手册", "升级",
				"固件 升级 步骤 第 " + index + " 步", "manual.md", null, "c" + index, version, new float[] { 1, index, 0 });
	}

	protected static KnowledgeChunk chunk(String document, int index, String heading, String text, float... vector) {
		return new KnowledgeChunk(document + "#" + index, document, index, "云帆文档", heading, text, document + ".md",
				null, "c" + index, "v1", vector);
	}

}
