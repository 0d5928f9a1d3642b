package io.github.deepseekspring.rag.store.elasticsearch;

/**
 * Settings of the Elasticsearch knowledge store.
 *
 * @param alias      the index alias every read and write goes through; concrete indexes are {@code <alias>-<time>}
 * @param dimensions the embedding size (512 for bge-small-zh-v1.5)
 */
public record ElasticsearchStoreOptions(String alias, int dimensions) {

    public ElasticsearchStoreOptions {
        if (alias == null || !alias.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("alias must be a lower-case Elasticsearch index name, was " + alias);
        }
        if (dimensions < 1 || dimensions > 4096) {
            throw new IllegalArgumentException("dimensions must be between 1 and 4096, was " + dimensions);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ElasticsearchStoreOptions}; defaults: alias {@code deepseek-knowledge}, 512 dimensions. */
    public static final class Builder {

        private String alias = "deepseek-knowledge";
        private int dimensions = 512;

        private Builder() {
        }

        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        public Builder dimensions(int dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        public ElasticsearchStoreOptions build() {
            return new ElasticsearchStoreOptions(alias, dimensions);
        }
    }
}
