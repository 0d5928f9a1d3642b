package io.github.deepseekspring.rag.store.elasticsearch;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.store.StoredDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
 * step; searches return the best chunks of one mode each, fusion being the caller's job. A store made by
 * {@link #connect} owns its client and closes it in {@link #close()}; one {@link #open opened} on a caller's client
 * leaves it open.
 */
public final class ElasticsearchKnowledgeStore implements KnowledgeStore {

    /** Most hits one search may ask for; kNN looks at ten times as many candidates, Elasticsearch allows 10,000. */
    public static final int MAX_LIMIT = 1000;

    /** Most documents listed for administrators. */
    private static final int MAX_DOCUMENTS = 10_000;

    private final ElasticsearchIndexAdmin admin;
    private final ElasticsearchChunkIndex index;
    private final ElasticsearchChunkSearcher searcher;
    private final ElasticsearchClient ownedClient;

    /** The vector spaces the index behind the alias is mapped for (an older index may differ from the options). */
    private volatile Map<String, Integer> mappedSpaces;

    private ElasticsearchKnowledgeStore(ElasticsearchClient client, ElasticsearchStoreOptions options, boolean owned) {
        this.admin = new ElasticsearchIndexAdmin(client, options.alias(), options.vectorSpaces(), options.shards(),
                options.replicas(), Clock.systemUTC());
        this.index = new ElasticsearchChunkIndex(client, admin);
        this.searcher = new ElasticsearchChunkSearcher(client, options.alias());
        this.ownedClient = owned ? client : null;
    }

    /**
     * Opens the store on the caller's client, creating its first index and alias when they do not exist yet. The
     * client stays the caller's to close.
     */
    public static ElasticsearchKnowledgeStore open(ElasticsearchClient client, ElasticsearchStoreOptions options) {
        return open(new ElasticsearchKnowledgeStore(client, options, false));
    }

    /** Connects to the cluster at {@code uri} and opens the store; {@link #close()} closes the connection. */
    public static ElasticsearchKnowledgeStore connect(URI uri, ElasticsearchStoreOptions options) {
        return connect(ElasticsearchConnection.of(uri), options);
    }

    /** Connects to the cluster, signing in when the connection names a user, and opens the store. */
    public static ElasticsearchKnowledgeStore connect(ElasticsearchConnection connection,
            ElasticsearchStoreOptions options) {
        ElasticsearchClient client = ElasticsearchClients.connect(connection);
        try {
            return open(new ElasticsearchKnowledgeStore(client, options, true));
        }
        catch (RuntimeException ex) {
            closeQuietly(client, ex);
            throw ex;
        }
    }

    private static ElasticsearchKnowledgeStore open(ElasticsearchKnowledgeStore store) {
        store.admin.ensureIndex();
        store.mappedSpaces = store.admin.mappedVectorSpaces();
        return store;
    }

    @Override
    public Map<String, Integer> vectorSpaces() {
        return mappedSpaces;
    }

    /** Closes the connection when this store opened it itself ({@link #connect}). */
    @Override
    public void close() {
        if (ownedClient != null) {
            try {
                ownedClient.close();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not close the Elasticsearch client", ex);
            }
        }
    }

    private static void closeQuietly(ElasticsearchClient client, RuntimeException cause) {
        try {
            client.close();
        }
        catch (IOException ex) {
            cause.addSuppressed(ex);
        }
    }

    @Override
    public void replaceDocument(String documentId, List<KnowledgeChunk> chunks) {
        replaceDocuments(Map.of(documentId, chunks));
    }

    /** All documents in one bulk request; each document switches atomically. */
    @Override
    public void replaceDocuments(Map<String, List<KnowledgeChunk>> chunksByDocument) {
        replaceElasticsearchChunks(chunksByDocument.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().map(ElasticsearchKnowledgeStore::toElasticsearch).toList())));
    }

    @Override
    public List<StoredDocument> documents() {
        return index.heads(MAX_DOCUMENTS).entrySet().stream().map(head -> new StoredDocument(head.getKey().documentId(),
                head.getKey().title(), head.getKey().source(), head.getKey().documentHash(), head.getValue().intValue()))
                .toList();
    }

    @Override
    public String kind() {
        return "elasticsearch";
    }

    private static ElasticsearchChunk toElasticsearch(KnowledgeChunk chunk) {
        return new ElasticsearchChunk(chunk.chunkId(), chunk.documentId(), chunk.chunkIndex(), chunk.title(),
                chunk.headingPath(), chunk.text(), chunk.source(), chunk.page(), chunk.contentHash(),
                chunk.documentHash(), chunk.vectors());
    }

    private static KnowledgeChunk toKnowledge(ElasticsearchChunk chunk) {
        return new KnowledgeChunk(chunk.chunkId(), chunk.documentId(), chunk.chunkIndex(), chunk.title(),
                chunk.headingPath(), chunk.text(), chunk.source(), chunk.page(), chunk.contentHash(),
                chunk.documentHash(), chunk.vectors());
    }

    /** Replaces several documents in one bulk request; each document switches atomically. */
    public void replaceElasticsearchChunks(Map<String, List<ElasticsearchChunk>> chunksByDocument) {
        chunksByDocument.forEach((documentId, chunks) -> chunks.forEach(chunk -> {
            if (!chunk.documentId().equals(documentId)) {
                throw new IllegalArgumentException("chunk " + chunk.chunkId() + " belongs to " + chunk.documentId()
                        + ", not to " + documentId);
            }
        }));
        index.replaceDocuments(chunksByDocument.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> entry.getValue().stream().map(ElasticsearchChunk::toDocument).toList())));
    }

    @Override
    public void deleteDocument(String documentId) {
        replaceElasticsearchChunks(Map.of(documentId, List.of()));
    }

    @Override
    public Optional<String> documentHash(String documentId) {
        return index.firstChunk(documentId).map(ChunkDocument::documentHash);
    }

    @Override
    public long chunkCount() {
        return index.count();
    }

    @Override
    public long vectorCount(String space) {
        return mappedSpaces.containsKey(space) ? index.countWith(ChunkFields.vectorField(space)) : 0;
    }

    @Override
    public List<StoreHit> keywordSearch(String query, int limit) {
        return hits(searcher.keyword(query, checkLimit(limit)));
    }

    @Override
    public List<StoreHit> vectorSearch(String space, float[] queryVector, int limit) {
        Integer dimensions = mappedSpaces.get(space);
        if (dimensions == null) {
            return List.of();
        }
        if (queryVector == null || queryVector.length != dimensions) {
            throw new IllegalArgumentException("the query vector of space " + space + " must have " + dimensions
                    + " dimensions");
        }
        return hits(searcher.nearest(space, queryVector, checkLimit(limit)));
    }

    @Override
    public List<KnowledgeChunk> chunks(String documentId) {
        return index.chunks(documentId).stream().map(ElasticsearchChunk::from)
                .map(ElasticsearchKnowledgeStore::toKnowledge).toList();
    }

    /** Re-creates the index with the current mapping from {@code chunks} and swaps the alias to it in one step. */
    public void rebuild(Iterable<ElasticsearchChunk> chunks) {
        index.rebuild(() -> StreamSupport.stream(chunks.spliterator(), false).map(ElasticsearchChunk::toDocument).iterator());
        mappedSpaces = admin.mappedVectorSpaces();
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

    private static List<StoreHit> hits(List<ChunkHit> hits) {
        return hits.stream().map(hit -> new StoreHit(toKnowledge(ElasticsearchChunk.from(hit.chunk())), hit.score(),
                hit.exactCodeMatch())).toList();
    }
}
