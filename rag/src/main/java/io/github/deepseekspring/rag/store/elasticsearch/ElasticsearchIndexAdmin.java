package io.github.deepseekspring.rag.store.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

/**
 * Creates the versioned knowledge index behind its alias and swaps the alias atomically.
 *
 * <p>Readers and writers only ever use the alias; the concrete index is named
 * {@code <alias>-<timestamp>}. A new mapping or embedding model goes into a fresh index, and one
 * {@code _aliases} call moves the alias, so searches switch from the old to the new index at once.
 *
 * <p>Automatic refresh is off ({@code refresh_interval: -1}): the store refreshes after each
 * complete write, which is what makes a document's chunk replacement atomic for searchers.
 */
final class ElasticsearchIndexAdmin {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final String alias;
    private final int dimensions;
    private final int shards;
    private final int replicas;
    private final Clock clock;

    ElasticsearchIndexAdmin(ElasticsearchClient client, String alias, int dimensions, Clock clock) {
        this(client, alias, dimensions, 1, 0, clock);
    }

    ElasticsearchIndexAdmin(ElasticsearchClient client, String alias, int dimensions, int shards, int replicas,
            Clock clock) {
        this.client = client;
        this.alias = alias;
        this.dimensions = dimensions;
        this.shards = shards;
        this.replicas = replicas;
        this.clock = clock;
    }

    /** The alias every read and write goes through. */
    String alias() {
        return alias;
    }

    /** The vector size the mapping declares. */
    int dimensions() {
        return dimensions;
    }

    /** Creates a first index behind the alias unless the alias already exists. */
    void ensureIndex() {
        if (aliasTargets().isEmpty()) {
            String index = createIndex();
            call(() -> client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias)))));
        }
    }

    /** The vector size the mapping of the index behind the alias declares; empty when there is no such index. */
    OptionalInt mappedDimensions() {
        if (aliasTargets().isEmpty()) {
            return OptionalInt.empty();
        }
        return call(() -> client.indices().getMapping(g -> g.index(alias))).mappings().values().stream()
                .map(index -> index.mappings().properties().get(ChunkFields.EMBEDDING))
                .filter(property -> property != null && property.isDenseVector()
                        && property.denseVector().dims() != null)
                .mapToInt(property -> property.denseVector().dims())
                .findFirst();
    }

    /** Creates an empty index with the current mapping, not yet behind the alias; returns its name. */
    String createIndex() {
        String index = alias + "-" + SUFFIX.format(clock.instant());
        call(() -> client.indices().create(c -> c.index(index)
                .settings(s -> s.numberOfShards(Integer.toString(shards)).numberOfReplicas(Integer.toString(replicas))
                        .refreshInterval(t -> t.time("-1")))
                .mappings(mapping())));
        return index;
    }

    /** Points the alias at {@code index} only, in one atomic step, and deletes the indexes it left. */
    void swapAliasTo(String index) {
        Set<String> previous = aliasTargets();
        call(() -> client.indices().updateAliases(u -> {
            previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
        }));
        previous.stream().filter(old -> !old.equals(index))
                .forEach(old -> call(() -> client.indices().delete(d -> d.index(old))));
    }

    /** The concrete indexes behind the alias (one, except for a moment during a swap). */
    Set<String> aliasTargets() {
        boolean exists = call(() -> client.indices().existsAlias(e -> e.name(alias))).value();
        if (!exists) {
            return Set.of();
        }
        return new TreeSet<>(call(() -> client.indices().getAlias(g -> g.name(alias))).aliases().keySet());
    }

    /** Makes everything written so far visible to searches, all at once. */
    void refresh(String index) {
        call(() -> client.indices().refresh(r -> r.index(index)));
    }

    /** Deletes the alias and its indexes (tests and full resets). */
    void dropAll() {
        aliasTargets().forEach(index -> call(() -> client.indices().delete(d -> d.index(index))));
    }

    private TypeMapping mapping() {
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties(ChunkFields.CHUNK_ID, p -> p.keyword(k -> k))
                .properties(ChunkFields.DOCUMENT_ID, p -> p.keyword(k -> k))
                .properties(ChunkFields.CHUNK_INDEX, p -> p.integer(i -> i))
                .properties(ChunkFields.TITLE, p -> p.keyword(k -> k.index(false)))
                .properties(ChunkFields.HEADING_PATH, p -> p.keyword(k -> k.index(false)))
                .properties(ChunkFields.TEXT, p -> p.text(t -> t.index(false)))
                .properties(ChunkFields.SOURCE, p -> p.keyword(k -> k))
                .properties(ChunkFields.PAGE, p -> p.integer(i -> i.index(false)))
                .properties(ChunkFields.CONTENT_HASH, p -> p.keyword(k -> k.index(false)))
                .properties(ChunkFields.DOCUMENT_HASH, p -> p.keyword(k -> k))
                .properties(ChunkFields.SEARCH_TEXT, p -> p.text(t -> t.analyzer("whitespace")))
                .properties(ChunkFields.CODES, p -> p.keyword(k -> k))
                .properties(ChunkFields.EMBEDDING, p -> p.denseVector(d -> d.dims(dimensions).index(true)
                        .similarity(DenseVectorSimilarity.Cosine))));
    }

    static <T> T call(IoCall<T> call) {
        try {
            return call.run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + ex.getMessage(), ex);
        }
    }

    @FunctionalInterface
    interface IoCall<T> {
        T run() throws IOException;
    }
}
