package io.github.deepseekspring.rag.store.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.github.deepseekspring.rag.store.KnowledgeChunk;

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
    private final Map<String, Integer> vectorSpaces;
    private final int shards;
    private final int replicas;
    private final Clock clock;

    ElasticsearchIndexAdmin(ElasticsearchClient client, String alias, int dimensions, Clock clock) {
        this(client, alias, Map.of(KnowledgeChunk.DEFAULT_SPACE, dimensions), 1, 0, clock);
    }

    ElasticsearchIndexAdmin(ElasticsearchClient client, String alias, Map<String, Integer> vectorSpaces, int shards,
            int replicas, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.vectorSpaces = Map.copyOf(vectorSpaces);
        this.shards = shards;
        this.replicas = replicas;
        this.clock = clock;
    }

    /** The alias every read and write goes through. */
    String alias() {
        return alias;
    }

    /** The vector spaces and sizes new indexes are mapped for. */
    Map<String, Integer> vectorSpaces() {
        return vectorSpaces;
    }

    /**
     * Creates a first index behind the alias unless the alias already exists, and adds the vector spaces the index
     * behind it lacks to its mapping (spaces it has keep their sizes: another size needs a rebuild).
     */
    void ensureIndex() {
        if (aliasTargets().isEmpty()) {
            String index = createIndex();
            call(() -> client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias)))));
            return;
        }
        Map<String, Integer> mapped = mappedVectorSpaces();
        Map<String, Property> missing = new TreeMap<>();
        vectorSpaces.forEach((space, dimensions) -> {
            if (!mapped.containsKey(space) && !space.equals(KnowledgeChunk.DEFAULT_SPACE)) {
                missing.put(space, vectorProperty(dimensions));
            }
        });
        if (!missing.isEmpty()) {
            call(() -> client.indices().putMapping(m -> m.index(alias)
                    .properties(ChunkFields.EMBEDDINGS, p -> p.object(o -> o.properties(missing)))));
        }
    }

    /** The vector spaces and sizes the mapping of the index behind the alias declares; empty without an index. */
    Map<String, Integer> mappedVectorSpaces() {
        if (aliasTargets().isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> spaces = new TreeMap<>();
        call(() -> client.indices().getMapping(g -> g.index(alias))).mappings().values().forEach(index -> {
            Map<String, Property> properties = index.mappings().properties();
            dimensionsOf(properties.get(ChunkFields.EMBEDDING))
                .ifPresent(dimensions -> spaces.put(KnowledgeChunk.DEFAULT_SPACE, dimensions));
            Property others = properties.get(ChunkFields.EMBEDDINGS);
            if (others != null && others.isObject()) {
                others.object().properties().forEach((space, property) -> dimensionsOf(property)
                    .ifPresent(dimensions -> spaces.put(space, dimensions)));
            }
        });
        return spaces;
    }

    private static OptionalInt dimensionsOf(Property property) {
        return (property != null && property.isDenseVector() && property.denseVector().dims() != null)
                ? OptionalInt.of(property.denseVector().dims()) : OptionalInt.empty();
    }

    private static Property vectorProperty(int dimensions) {
        return Property.of(p -> p.denseVector(d -> d.dims(dimensions).index(true)
                .similarity(DenseVectorSimilarity.Cosine)));
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
                .properties(ChunkFields.EMBEDDING, vectorProperty(vectorSpaces.get(KnowledgeChunk.DEFAULT_SPACE)))
                .properties(ChunkFields.EMBEDDINGS, p -> p.object(o -> o.properties(otherSpaces()))));
    }

    private Map<String, Property> otherSpaces() {
        Map<String, Property> others = new TreeMap<>();
        vectorSpaces.forEach((space, dimensions) -> {
            if (!space.equals(KnowledgeChunk.DEFAULT_SPACE)) {
                others.put(space, vectorProperty(dimensions));
            }
        });
        return others;
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
