package io.github.deepseekspring.rag.store.elasticsearch;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.github.deepseekspring.rag.store.KnowledgeChunk;

/**
 * Settings of the Elasticsearch knowledge store.
 *
 * @param alias        the index alias every read and write goes through; concrete indexes are {@code <alias>-<time>}
 * @param vectorSpaces the vector spaces and the sizes of their vectors (512 for bge-small-zh-v1.5); the
 *                     {@code default} space is always there
 * @param shards       primary shards of each index the store creates
 * @param replicas     replica shards per primary of each index the store creates (0 on a single node)
 */
public record ElasticsearchStoreOptions(String alias, Map<String, Integer> vectorSpaces, int shards, int replicas) {

    public ElasticsearchStoreOptions {
        if (alias == null || !alias.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("alias must be a lower-case Elasticsearch index name, was " + alias);
        }
        if (!vectorSpaces.containsKey(KnowledgeChunk.DEFAULT_SPACE)) {
            throw new IllegalArgumentException("the default vector space is required, was " + vectorSpaces.keySet());
        }
        vectorSpaces.forEach((space, dimensions) -> {
            if (!space.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException(
                        "a vector space name is lower-case letters, digits and _, was " + space);
            }
            if (dimensions < 1 || dimensions > 4096) {
                throw new IllegalArgumentException("dimensions must be between 1 and 4096, was " + dimensions);
            }
        });
        vectorSpaces = Collections.unmodifiableMap(new TreeMap<>(vectorSpaces));
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, was " + shards);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, was " + replicas);
        }
    }

    /** The size of the {@code default} space's vectors. */
    public int dimensions() {
        return vectorSpaces.get(KnowledgeChunk.DEFAULT_SPACE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link ElasticsearchStoreOptions}; defaults: alias {@code deepseek-knowledge}, a {@code default} space of
     * 512 dimensions, 1 shard, 0 replicas.
     */
    public static final class Builder {

        private String alias = "deepseek-knowledge";
        private final Map<String, Integer> vectorSpaces = new TreeMap<>(Map.of(KnowledgeChunk.DEFAULT_SPACE, 512));
        private int shards = 1;
        private int replicas = 0;

        private Builder() {
        }

        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        /** The size of the {@code default} space's vectors. */
        public Builder dimensions(int dimensions) {
            return vectorSpace(KnowledgeChunk.DEFAULT_SPACE, dimensions);
        }

        /** A vector space and the size of its vectors. */
        public Builder vectorSpace(String space, int dimensions) {
            this.vectorSpaces.put(space, dimensions);
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
            return new ElasticsearchStoreOptions(alias, vectorSpaces, shards, replicas);
        }
    }
}
