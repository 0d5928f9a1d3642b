package io.github.deepseekspring.rag.store.elasticsearch;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The knowledge base on Elasticsearch: chunks with app-segmented text for BM25, exact code
 * keywords and cosine vectors, behind an alias.
 *
 * <p>Guarantees: replacing a document's chunks is atomic for searchers (see
 * {@link ElasticsearchChunkIndex}); {@link #rebuild} fills a fresh index and swaps the alias in one
 * step; searches return the best chunks of one mode each, fusion being the caller's job.
 */
public final class ElasticsearchKnowledgeStore {

    /** Most hits one search may ask for; kNN looks at ten times as many candidates, Elasticsearch allows 10,000. */
    public static final int MAX_LIMIT = 1000;

    private final ElasticsearchIndexAdmin admin;
    private final ElasticsearchChunkIndex index;
    private final ElasticsearchChunkSearcher searcher;

    private ElasticsearchKnowledgeStore(ElasticsearchClient client, ElasticsearchStoreOptions options) {
        this.admin = new ElasticsearchIndexAdmin(client, options.alias(), options.dimensions(), Clock.systemUTC());
        this.index = new ElasticsearchChunkIndex(client, admin);
        this.searcher = new ElasticsearchChunkSearcher(client, options.alias());
    }

    /** Opens the store, creating its first index and alias when they do not exist yet. */
    public static ElasticsearchKnowledgeStore open(ElasticsearchClient client, ElasticsearchStoreOptions options) {
        ElasticsearchKnowledgeStore store = new ElasticsearchKnowledgeStore(client, options);
        store.admin.ensureIndex();
        return store;
    }

    /** Replaces all chunks of one document with {@code chunks} (empty: deletes the document), atomically. */
    public void replaceDocument(String documentId, List<ElasticsearchChunk> chunks) {
        replaceDocuments(Map.of(documentId, chunks));
    }

    /** Replaces several documents in one bulk request; each document switches atomically. */
    public void replaceDocuments(Map<String, List<ElasticsearchChunk>> chunksByDocument) {
        chunksByDocument.forEach((documentId, chunks) -> chunks.forEach(chunk -> {
            if (!chunk.documentId().equals(documentId)) {
                throw new IllegalArgumentException("chunk " + chunk.chunkId() + " belongs to " + chunk.documentId()
                        + ", not to " + documentId);
            }
        }));
        index.replaceDocuments(chunksByDocument.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> entry.getValue().stream().map(ElasticsearchChunk::toDocument).toList())));
    }

    /** Removes every chunk of the document. */
    public void deleteDocument(String documentId) {
        replaceDocument(documentId, List.of());
    }

    /** The hash of the stored version of the document, to skip re-ingesting unchanged content. */
    public Optional<String> documentHash(String documentId) {
        return index.firstChunk(documentId).map(ChunkDocument::documentHash);
    }

    /** Number of stored chunks. */
    public long chunkCount() {
        return index.count();
    }

    /** Best chunks by BM25 over the segmented text, exact product/error code matches first. */
    public List<ElasticsearchHit> keywordSearch(String query, int limit) {
        return hits(searcher.keyword(query, checkLimit(limit)));
    }

    /** Chunks nearest to the query vector. */
    public List<ElasticsearchHit> vectorSearch(float[] queryVector, int limit) {
        if (queryVector == null || queryVector.length != admin.dimensions()) {
            throw new IllegalArgumentException("the query vector must have " + admin.dimensions() + " dimensions");
        }
        return hits(searcher.nearest(queryVector, checkLimit(limit)));
    }

    /** Re-creates the index with the current mapping from {@code chunks} and swaps the alias to it in one step. */
    public void rebuild(Iterable<ElasticsearchChunk> chunks) {
        index.rebuild(() -> StreamSupport.stream(chunks.spliterator(), false).map(ElasticsearchChunk::toDocument).iterator());
    }

    /** Deletes the alias and all its indexes. */
    public void drop() {
        admin.dropAll();
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    private static List<ElasticsearchHit> hits(List<ChunkHit> hits) {
        return hits.stream().map(hit -> new ElasticsearchHit(ElasticsearchChunk.from(hit.chunk()), hit.score(), hit.exactCodeMatch())).toList();
    }
}
