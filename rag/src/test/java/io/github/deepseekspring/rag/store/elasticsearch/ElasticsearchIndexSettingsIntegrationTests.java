package io.github.deepseekspring.rag.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.Test;

/**
 * Shards and replicas (deepseek.rag.elasticsearch.shards/replicas) reach every index the store creates, the first
 * and each rebuilt one, so a cluster keeps its redundancy across rebuilds.
 */
class ElasticsearchIndexSettingsIntegrationTests {

    @Test
    void everyCreatedIndexHasTheConfiguredShardsAndReplicas() throws Exception {
        try (ElasticsearchClient client = ElasticsearchClients.connect(TestElasticsearch.shared().httpUri())) {
            String alias = "kb-settings-" + UUID.randomUUID();
            ElasticsearchKnowledgeStore store = ElasticsearchKnowledgeStore.open(client, ElasticsearchStoreOptions.builder()
                    .alias(alias).dimensions(3).shards(2).replicas(1).build());
            try {
                IndexSettings first = settings(client, alias);
                assertThat(first.numberOfShards()).isEqualTo("2");
                assertThat(first.numberOfReplicas()).isEqualTo("1");
                store.rebuild(List.of());
                IndexSettings rebuilt = settings(client, alias);
                assertThat(rebuilt.uuid()).isNotEqualTo(first.uuid());
                assertThat(rebuilt.numberOfShards()).isEqualTo("2");
                assertThat(rebuilt.numberOfReplicas()).isEqualTo("1");
            }
            finally {
                store.drop();
            }
        }
    }

    private static IndexSettings settings(ElasticsearchClient client, String alias) throws Exception {
        var response = client.indices().getSettings(g -> g.index(alias));
        IndexSettings settings = response.settings().values().iterator().next().settings();
        return (settings.index() != null) ? settings.index() : settings;
    }

}
