package io.github.deepseekspring.rag.store.elasticsearch;

/** Field names of a chunk in the Elasticsearch index; one place so mapping, writes and queries agree. */
final class ChunkFields {

    static final String CHUNK_ID = "chunk_id";
    static final String DOCUMENT_ID = "document_id";
    static final String CHUNK_INDEX = "chunk_index";
    static final String TITLE = "title";
    static final String HEADING_PATH = "heading_path";
    static final String TEXT = "text";
    static final String SOURCE = "source";
    static final String PAGE = "page";
    static final String CONTENT_HASH = "content_hash";
    static final String DOCUMENT_HASH = "document_hash";
    /** Title, headings and text, pre-segmented by the app; indexed with the {@code whitespace} analyzer. */
    static final String SEARCH_TEXT = "search_text";
    /** Lower-cased product and error codes, matched exactly. */
    static final String CODES = "codes";
    /** The {@code default} vector space's vectors. */
    static final String EMBEDDING = "embedding";
    /** An object holding the vectors of every other vector space, one {@code dense_vector} property each. */
    static final String EMBEDDINGS = "embeddings";

    /** The field holding a vector space's vectors. */
    static String vectorField(String space) {
        return io.github.deepseekspring.rag.store.KnowledgeChunk.DEFAULT_SPACE.equals(space) ? EMBEDDING
                : EMBEDDINGS + "." + space;
    }

    private ChunkFields() {
    }
}
