package io.github.deepseekspring.rag.store.elasticsearch;

import static io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchIndexAdmin.call;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.github.deepseekspring.rag.store.KnowledgeChunk;

/**
 * Reads and writes chunks behind the alias.
 *
 * <p>Atomic replacement: Elasticsearch has no multi-document transactions, but searches only see
 * what a refresh published. Automatic refresh is off, all writes of this store are serialised,
 * and a document's replacement (deleting its old chunks and indexing the new ones) travels in
 * <em>one</em> bulk request followed by one refresh, so a search sees either the old chunks or the
 * new ones, never both and never neither. If the app dies after the bulk but before the refresh,
 * the next write's leading refresh publishes the complete new version. (This holds for one writing
 * application; the index has a single shard so one refresh publishes everything.)
 */
final class ElasticsearchChunkIndex {

    /** Upper bound on chunk ids read per page when listing a document's chunks. */
    private static final int PAGE_SIZE = 1000;

    /** Most chunks read back for one document; Elasticsearch's default result window. */
    private static final int MAX_CHUNKS = 10_000;

    /** Chunks per bulk request when rebuilding; about 3 MB with 512-dimension vectors. */
    private static final int BULK_BATCH = 500;

    private final ElasticsearchClient client;
    private final ElasticsearchIndexAdmin admin;
    private final ReentrantLock writeLock = new ReentrantLock();

    ElasticsearchChunkIndex(ElasticsearchClient client, ElasticsearchIndexAdmin admin) {
        this.client = client;
        this.admin = admin;
    }

    /**
     * Replaces the chunks of each given document with the given ones, in one bulk request and
     * one refresh: documents absent from {@code chunksByDocument} are not touched.
     */
    void replaceDocuments(Map<String, List<ChunkDocument>> chunksByDocument) {
        // checked up front: a bulk request that fails half-way would publish a partial document
        chunksByDocument.values().forEach(chunks -> chunks.forEach(this::checkDimensions));
        writeLock.lock();
        try {
            admin.refresh(admin.alias());
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(admin.alias());
            int operations = 0;
            for (var entry : chunksByDocument.entrySet()) {
                Set<String> newIds = new HashSet<>();
                for (ChunkDocument chunk : entry.getValue()) {
                    newIds.add(chunk.chunkId());
                    bulk.operations(op -> op.index(i -> i.id(chunk.chunkId()).document(chunk)));
                    operations++;
                }
                for (String stale : chunkIds(entry.getKey())) {
                    if (!newIds.contains(stale)) {
                        bulk.operations(op -> op.delete(d -> d.id(stale)));
                        operations++;
                    }
                }
            }
            if (operations > 0) {
                BulkResponse response = call(() -> client.bulk(bulk.build()));
                admin.refresh(admin.alias());
                failOnErrors(response);
            }
        }
        finally {
            writeLock.unlock();
        }
    }

    /**
     * Builds a fresh index (current mapping and dimensions) from {@code chunks}, in bulk batches,
     * then moves the alias to it in one step: searches see the old contents until the swap and the
     * new ones after it. This is how a new mapping or embedding model goes live.
     */
    void rebuild(Iterable<ChunkDocument> chunks) {
        writeLock.lock();
        try {
            String fresh = admin.createIndex();
            List<ChunkDocument> batch = new ArrayList<>(BULK_BATCH);
            for (ChunkDocument chunk : chunks) {
                checkDimensions(chunk);
                batch.add(chunk);
                if (batch.size() == BULK_BATCH) {
                    indexBatch(fresh, batch);
                    batch.clear();
                }
            }
            indexBatch(fresh, batch);
            admin.refresh(fresh);
            admin.swapAliasTo(fresh);
        }
        finally {
            writeLock.unlock();
        }
    }

    private void checkDimensions(ChunkDocument chunk) {
        Map<String, float[]> vectors = chunk.vectors();
        if (!vectors.containsKey(KnowledgeChunk.DEFAULT_SPACE)) {
            throw new IllegalArgumentException("chunk " + chunk.chunkId() + " has no vector of the default space");
        }
        vectors.forEach((space, vector) -> {
            Integer expected = admin.vectorSpaces().get(space);
            if (expected == null || vector.length != expected) {
                throw new IllegalArgumentException("chunk " + chunk.chunkId() + " has a " + vector.length
                        + "-dimension vector of space " + space + " but the index expects "
                        + ((expected == null) ? "no such space" : expected + " dimensions"));
            }
        });
    }

    private void indexBatch(String index, List<ChunkDocument> batch) {
        if (batch.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
        batch.forEach(chunk -> bulk.operations(op -> op.index(i -> i.id(chunk.chunkId()).document(chunk))));
        failOnErrors(call(() -> client.bulk(bulk.build())));
    }

    /** Number of chunks published. */
    long count() {
        return call(() -> client.count(c -> c.index(admin.alias()))).count();
    }

    /** Number of published chunks that hold a value in {@code field}. */
    long countWith(String field) {
        return call(() -> client.count(c -> c.index(admin.alias()).query(q -> q.exists(e -> e.field(field))))).count();
    }

    /** The first chunk of every published document, with each document's chunk count. */
    java.util.Map<ChunkDocument, Long> heads(int limit) {
        SearchResponse<ChunkDocument> first = call(() -> client.search(s -> s.index(admin.alias()).size(limit)
                .source(src -> src.filter(f -> f.excludes(ChunkFields.EMBEDDING, ChunkFields.EMBEDDINGS,
                        ChunkFields.SEARCH_TEXT)))
                .query(q -> q.term(t -> t.field(ChunkFields.CHUNK_INDEX).value(0))), ChunkDocument.class));
        SearchResponse<Void> counted = call(() -> client.search(s -> s.index(admin.alias()).size(0)
                .aggregations("chunks", a -> a.terms(t -> t.field(ChunkFields.DOCUMENT_ID).size(limit))), Void.class));
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        counted.aggregations().get("chunks").sterms().buckets().array()
                .forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
        java.util.Map<ChunkDocument, Long> heads = new java.util.LinkedHashMap<>();
        first.hits().hits().forEach(hit -> heads.put(hit.source(), counts.getOrDefault(hit.source().documentId(), 1L)));
        return heads;
    }

    /** One published chunk of the document (the first), if the document is stored. */
    java.util.Optional<ChunkDocument> firstChunk(String documentId) {
        SearchResponse<ChunkDocument> response = call(() -> client.search(s -> s.index(admin.alias()).size(1)
                .source(src -> src.filter(f -> f.excludes(ChunkFields.EMBEDDING, ChunkFields.EMBEDDINGS,
                        ChunkFields.SEARCH_TEXT)))
                .query(q -> q.term(t -> t.field(ChunkFields.DOCUMENT_ID).value(documentId)))
                .sort(o -> o.field(f -> f.field(ChunkFields.CHUNK_INDEX).order(SortOrder.Asc))), ChunkDocument.class));
        return response.hits().hits().stream().findFirst().map(Hit::source);
    }

    /** A document's published chunks in order, without their vectors. */
    List<ChunkDocument> chunks(String documentId) {
        SearchResponse<ChunkDocument> response = call(() -> client.search(s -> s.index(admin.alias()).size(MAX_CHUNKS)
                .source(src -> src.filter(f -> f.excludes(ChunkFields.EMBEDDING, ChunkFields.EMBEDDINGS,
                        ChunkFields.SEARCH_TEXT)))
                .query(q -> q.term(t -> t.field(ChunkFields.DOCUMENT_ID).value(documentId)))
                .sort(o -> o.field(f -> f.field(ChunkFields.CHUNK_INDEX).order(SortOrder.Asc))), ChunkDocument.class));
        return response.hits().hits().stream().map(Hit::source).toList();
    }

    /** The ids of a document's chunks, as last published. */
    List<String> chunkIds(String documentId) {
        List<String> ids = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Void> page = call(() -> client.search(s -> {
                s.index(admin.alias()).size(PAGE_SIZE).source(src -> src.fetch(false))
                        .query(q -> q.term(t -> t.field(ChunkFields.DOCUMENT_ID).value(documentId)))
                        .sort(o -> o.field(f -> f.field(ChunkFields.CHUNK_ID).order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Void.class));
            List<Hit<Void>> hits = page.hits().hits();
            hits.forEach(hit -> ids.add(hit.id()));
            if (hits.size() < PAGE_SIZE) {
                return ids;
            }
            after = hits.getLast().sort();
        }
    }

    private static void failOnErrors(BulkResponse response) {
        if (response.errors()) {
            String reasons = response.items().stream().filter(item -> item.error() != null)
                    .map(ElasticsearchChunkIndex::describe).limit(3).reduce((a, b) -> a + "; " + b).orElse("");
            throw new IllegalStateException("Elasticsearch rejected part of a bulk write: " + reasons);
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.id() + ": " + item.error().reason();
    }
}
