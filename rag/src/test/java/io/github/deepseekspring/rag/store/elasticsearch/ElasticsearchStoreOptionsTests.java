package io.github.deepseekspring.rag.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ElasticsearchStoreOptionsTests {

    @Test
    void defaultsFitBgeSmallZh() {
        ElasticsearchStoreOptions options = ElasticsearchStoreOptions.builder().build();
        assertThat(options.alias()).isEqualTo("deepseek-knowledge");
        assertThat(options.dimensions()).isEqualTo(512);
        assertThat(options.shards()).isEqualTo(1);
        assertThat(options.replicas()).isZero();
    }

    @Test
    void rejectsNamesElasticsearchWouldRefuseAndImpossibleSizes() {
        assertThatIllegalArgumentException().isThrownBy(() -> ElasticsearchStoreOptions.builder().alias("Knowledge").build())
                .withMessageContaining("lower-case");
        assertThatIllegalArgumentException().isThrownBy(() -> ElasticsearchStoreOptions.builder().dimensions(0).build())
                .withMessageContaining("dimensions");
        assertThatIllegalArgumentException().isThrownBy(() -> ElasticsearchStoreOptions.builder().shards(0).build())
                .withMessageContaining("shards");
        assertThatIllegalArgumentException().isThrownBy(() -> ElasticsearchStoreOptions.builder().replicas(-1).build())
                .withMessageContaining("replicas");
    }
}
