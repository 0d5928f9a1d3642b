package io.github.deepseekspring.rag.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.KnowledgeStoreContractTests;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.Test;

/** The store contract on a real Elasticsearch, plus what only this store offers (alias rebuild, limits). */
class ElasticsearchKnowledgeStoreIntegrationTests extends KnowledgeStoreContractTests {

    private ElasticsearchClient client;

    @Override
    protected KnowledgeStore openStore() {
        client = ElasticsearchClients.connect(TestElasticsearch.shared().httpUri());
        return ElasticsearchKnowledgeStore.open(client,
                ElasticsearchStoreOptions.builder().alias("kb-store-" + UUID.randomUUID()).dimensions(3)
                        .vectorSpace(SECOND_SPACE, 2).build());
    }

    @Override
    protected void closeStore(KnowledgeStore store) throws Exception {
        ((ElasticsearchKnowledgeStore) store).drop();
        client.close();
    }

    private ElasticsearchKnowledgeStore elasticsearch() {
        return (ElasticsearchKnowledgeStore) store;
    }

    @Test
    void badSearchArgumentsGetClearErrors() {
        assertThatIllegalArgumentException().isThrownBy(() -> store.keywordSearch("保修", 0)).withMessageContaining("limit");
        assertThatIllegalArgumentException().isThrownBy(() -> store.vectorSearch(new float[] {1, 0}, 5))
                .withMessageContaining("3 dimensions");
    }

    @Test
    void rebuildReplacesTheWholeContents() {
        store.replaceDocument("old", List.of(chunk("old", 0, "旧", "旧版内容", 1, 0, 0)));

        elasticsearch().rebuild(List.of(new ElasticsearchChunk("new#0", "new", 0, "云帆文档", "新", "全新文档", "new.md", null,
                "c0", "v1", new float[] {0, 0, 1})));

        assertThat(store.chunkCount()).isEqualTo(1);
        assertThat(store.documentHash("old")).isEmpty();
        assertThat(store.keywordSearch("全新文档", 5)).hasSize(1);
    }
}
