package io.github.deepseekspring.rag.store.elasticsearch;

/**
 * Settings of the Elasticsearch knowledge store.
 *
 * @param alias      the index alias every read and write goes through; concrete indexes are {@code <alias>-<time>}
 * @param dimensions the embedding size (512 for bge-small-zh-v1.5)
 * @param shards     primary shards of each index the store creates
 * @param replicas   replica shards per primary of each index the store creates (0 on a single node)
 */
public record ElasticsearchStoreOptions(String alias, int dimensions, int shards, int replicas) {

    public ElasticsearchStoreOptions {
        if (alias == null || !alias.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("alias must be a lower-case Elasticsearch index name, was " + alias);
        }
        if (dimensions < 1 || dimensions > 4096) {
            throw new IllegalArgumentException("dimensions must be between 1 and 4096, was " + dimensions);
        }
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, was " + shards);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, was " + replicas);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link ElasticsearchStoreOptions}; defaults: alias {@code deepseek-knowledge}, 512 dimensions, 1 shard,
     * 0 replicas.
     */
    public static final class Builder {

        private String alias = "deepseek-knowledge";
        private int dimensions = 512;
        private int shards = 1;
        private int replicas = 0;

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

        public Builder shards(int shards) {
            this.shards = shards;
            return this;
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public ElasticsearchStoreOptions build() {
            return new ElasticsearchStoreOptions(alias, dimensions, shards, replicas);
        }
    }
}
