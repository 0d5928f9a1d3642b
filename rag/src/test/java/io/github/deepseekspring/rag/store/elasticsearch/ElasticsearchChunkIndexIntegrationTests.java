package io.github.deepseekspring.rag.store.elasticsearch;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ElasticsearchChunkIndexIntegrationTests {

    private static final int DIMS = 4;

    private ElasticsearchClient client;
    private ElasticsearchIndexAdmin admin;
    private ElasticsearchChunkIndex index;
    private ElasticsearchChunkSearcher searcher;

    @BeforeEach
    void createIndex() {
        client = ElasticsearchClients.connect(TestElasticsearch.shared().httpUri());
        admin = new ElasticsearchIndexAdmin(client, "kb-test-" + UUID.randomUUID(), DIMS, Clock.systemUTC());
        admin.ensureIndex();
        index = new ElasticsearchChunkIndex(client, admin);
        searcher = new ElasticsearchChunkSearcher(client, admin.alias());
    }

    @AfterEach
    void dropIndex() throws Exception {
        admin.dropAll();
        client.close();
    }

    @Test
    void chineseTextCodesAndVectorsAreSearchable() {
        index.replaceDocuments(Map.of("warranty", List.of(
                chunk("warranty", 0, "路由器主机自签收之日起保修 2 年", new float[] {1, 0, 0, 0}),
                chunk("warranty", 1, "YF-BE7200 旗舰路由器保修 3 年", new float[] {0, 1, 0, 0}))));

        assertThat(searcher.keyword("保修几年", 10)).hasSize(2);
        assertThat(searcher.keyword("YF-BE7200", 10).getFirst().chunk().chunkIndex()).isEqualTo(1);
        assertThat(searcher.nearest(KnowledgeChunk.DEFAULT_SPACE, new float[] {0.1f, 0.9f, 0, 0}, 1).getFirst().chunk().chunkId()).isEqualTo("warranty#1");
        assertThat(searcher.keyword("，。", 10)).isEmpty();
    }

    @Test
    void replacingADocumentRemovesItsStaleChunks() {
        index.replaceDocuments(Map.of("doc", List.of(chunk("doc", 0, "第一版 甲", new float[] {1, 0, 0, 0}),
                chunk("doc", 1, "第一版 乙", new float[] {1, 0, 0, 0}))));
        index.replaceDocuments(Map.of("doc", List.of(chunk("doc", 0, "第二版", new float[] {0, 0, 1, 0}))));

        assertThat(index.chunkIds("doc")).containsExactly("doc#0");
        assertThat(searcher.keyword("第一版", 10)).isEmpty();
        assertThat(searcher.keyword("第二版", 10)).hasSize(1);
    }

    @Test
    void rebuildingSwapsTheAliasToAFreshIndexAndDropsTheOldOne() {
        index.replaceDocuments(Map.of("old", List.of(chunk("old", 0, "旧版内容", new float[] {1, 0, 0, 0}))));
        var before = admin.aliasTargets();

        index.rebuild(List.of(chunk("new", 0, "全新文档", new float[] {0, 1, 0, 0})));

        assertThat(admin.aliasTargets()).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(searcher.keyword("旧版内容", 10)).isEmpty();
        assertThat(searcher.keyword("全新文档", 10)).extracting(hit -> hit.chunk().documentId()).containsExactly("new");
    }

    @Test
    void searchesDuringAReplacementSeeTheOldOrTheNewVersionNeverAMix() throws Exception {
        index.replaceDocuments(Map.of("doc", version("甲版", 12)));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> mixed = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = Thread.ofVirtual().start(() -> {
            while (writing.get() || reads.get() == 0) {
                reads.incrementAndGet();
                List<String> texts = searcher.keyword("共同内容", 50).stream().map(hit -> hit.chunk().text()).toList();
                boolean allA = texts.size() == 12 && texts.stream().allMatch(t -> t.startsWith("甲版"));
                boolean allB = texts.size() == 7 && texts.stream().allMatch(t -> t.startsWith("乙版"));
                if (!allA && !allB) {
                    mixed.add(texts.toString());
                }
            }
        });
        for (int round = 0; round < 6; round++) {
            index.replaceDocuments(Map.of("doc", version(round % 2 == 0 ? "乙版" : "甲版", round % 2 == 0 ? 7 : 12)));
        }
        writing.set(false);
        reader.join();
        assertThat(reads.get()).isPositive();
        assertThat(mixed).isEmpty();
    }

    private static List<ChunkDocument> version(String label, int chunks) {
        return java.util.stream.IntStream.range(0, chunks)
                .mapToObj(n -> chunk("doc", n, label + " 共同内容 " + n, new float[] {1, 0, 0, 0})).toList();
    }

    @Test
    void aChunkWithTheWrongVectorSizeIsRejectedBeforeAnythingIsWritten() {
        index.replaceDocuments(Map.of("doc", List.of(chunk("doc", 0, "原有内容", new float[] {1, 0, 0, 0}))));

        assertThatIllegalArgumentException().isThrownBy(() -> index.replaceDocuments(Map.of("doc", List.of(
                chunk("doc", 0, "新内容", new float[] {1, 0, 0, 0}), chunk("doc", 1, "坏向量", new float[] {1, 0})))))
                .withMessageContaining("2-dimension").withMessageContaining("expects 4");
        assertThat(searcher.keyword("原有内容", 10)).hasSize(1);
        assertThat(index.chunkIds("doc")).containsExactly("doc#0");
    }

    private static ChunkDocument chunk(String doc, int n, String text, float[] vector) {
        return new ChunkDocument(doc + "#" + n, doc, n, "标题", "标题 > 小节", text, doc + ".md", null, "h" + n, "dh",
                CjkBigramSegmenter.segment(text), List.copyOf(ProductCodes.in(text)), vector, null);
    }
}
