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
    }

    @Test
    void rejectsNamesElasticsearchWouldRefuseAndImpossibleSizes() {
        assertThatIllegalArgumentException().isThrownBy(() -> ElasticsearchStoreOptions.builder().alias("Knowledge").build())
                .withMessageContaining("lower-case");
        assertThatIllegalArgumentException().isThrownBy(() -> ElasticsearchStoreOptions.builder().dimensions(0).build())
                .withMessageContaining("dimensions");
    }
}
