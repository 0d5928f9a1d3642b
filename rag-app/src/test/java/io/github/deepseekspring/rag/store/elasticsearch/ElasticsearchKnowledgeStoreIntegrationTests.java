package io.github.deepseekspring.rag.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ElasticsearchKnowledgeStoreIntegrationTests {

    private ElasticsearchClient client;
    private ElasticsearchKnowledgeStore store;

    @BeforeEach
    void openStore() {
        client = ElasticsearchClients.connect(TestElasticsearch.shared().httpUri());
        store = ElasticsearchKnowledgeStore.open(client,
                ElasticsearchStoreOptions.builder().alias("kb-store-" + UUID.randomUUID()).dimensions(3).build());
    }

    @AfterEach
    void dropStore() throws Exception {
        store.drop();
        client.close();
    }

    @Test
    void storesSearchesAndDeletesADocument() {
        store.replaceDocument("warranty", List.of(
                chunk("warranty", 0, "保修期限", "路由器主机自签收之日起保修 2 年", new float[] {1, 0, 0}),
                chunk("warranty", 1, "配件", "电源适配器保修 1 年", new float[] {0, 1, 0})));

        assertThat(store.chunkCount()).isEqualTo(2);
        assertThat(store.documentHash("warranty")).contains("v1");
        assertThat(store.keywordSearch("适配器保修", 10).getFirst().chunk().chunkId()).isEqualTo("warranty#1");
        ElasticsearchHit nearest = store.vectorSearch(new float[] {0.9f, 0.1f, 0}, 1).getFirst();
        assertThat(nearest.chunk().headingPath()).isEqualTo("保修期限");
        assertThat(nearest.chunk().embedding()).isNull();

        store.deleteDocument("warranty");
        assertThat(store.chunkCount()).isZero();
        assertThat(store.documentHash("warranty")).isEmpty();
        assertThat(store.keywordSearch("保修", 10)).isEmpty();
    }

    @Test
    void headingsAndTitlesAreSearchableContext() {
        store.replaceDocument("shipping", List.of(chunk("shipping", 0, "快递与运费", "满 99 元免运费", new float[] {1, 0, 0})));

        assertThat(store.keywordSearch("快递", 10)).hasSize(1);
    }

    @Test
    void anExactCodeMatchOutranksAnyTextMatch() {
        store.replaceDocuments(Map.of(
                "faq", List.of(chunk("faq", 0, "错误", "错误 错误 错误 提示错误怎么办 错误代码", new float[] {1, 0, 0})),
                "codes", List.of(chunk("codes", 0, "代码", "E-1023 拨号认证失败", new float[] {0, 1, 0}))));

        List<ElasticsearchHit> hits = store.keywordSearch("E-1023 错误", 10);
        assertThat(hits).extracting(hit -> hit.chunk().documentId()).containsExactly("codes", "faq");
        assertThat(hits).extracting(ElasticsearchHit::exactCodeMatch).containsExactly(true, false);
    }

    @Test
    void aChunkFiledUnderAnotherDocumentIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> store.replaceDocument("a", List.of(chunk("b", 0, "h", "文本", new float[] {1, 0, 0}))))
                .withMessageContaining("belongs to b");
    }

    @Test
    void badSearchArgumentsGetClearErrors() {
        assertThatIllegalArgumentException().isThrownBy(() -> store.keywordSearch("保修", 0)).withMessageContaining("limit");
        assertThatIllegalArgumentException().isThrownBy(() -> store.vectorSearch(new float[] {1, 0}, 5))
                .withMessageContaining("3 dimensions");
    }

    @Test
    void rebuildReplacesTheWholeContents() {
        store.replaceDocument("old", List.of(chunk("old", 0, "旧", "旧版内容", new float[] {1, 0, 0})));

        store.rebuild(List.of(chunk("new", 0, "新", "全新文档", new float[] {0, 0, 1})));

        assertThat(store.chunkCount()).isEqualTo(1);
        assertThat(store.documentHash("old")).isEmpty();
        assertThat(store.keywordSearch("全新文档", 5)).hasSize(1);
    }

    private static ElasticsearchChunk chunk(String doc, int n, String heading, String text, float[] vector) {
        return new ElasticsearchChunk(doc + "#" + n, doc, n, "云帆文档", heading, text, doc + ".md", null, "c" + n, "v1", vector);
    }
}
