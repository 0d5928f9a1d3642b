/**
 * The knowledge store on Elasticsearch ({@link io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchKnowledgeStore}).
 *
 * <p>Verified against the official 9.2 distribution used in tests: it has only the
 * {@code standard}, {@code simple}, {@code whitespace}, {@code stop} and {@code keyword} analyzers
 * (no {@code cjk}, no {@code smartcn}, no analysis-common, so no custom whitespace tokenizer or
 * lowercase filter), and no {@code _delete_by_query}, {@code _reindex} or {@code GET /}. Hence:
 * <ul>
 * <li>Chinese is segmented by the app into CJK bigrams, lower-cased and NFKC-folded
 * ({@code CjkBigramSegmenter}) and indexed with the built-in {@code whitespace} analyzer;</li>
 * <li>product and error codes ({@code YF-AX3000}, {@code E-1023}) go to a {@code keyword} field
 * and an exact match outranks any text match;</li>
 * <li>embeddings are a {@code dense_vector} with cosine similarity (512 dimensions for bge-small-zh);</li>
 * <li>a document's chunks are replaced by one bulk request (stale ids are looked up, then deleted
 * by id) and one refresh, automatic refresh being off, so searches never see half a document;</li>
 * <li>the index sits behind an alias; a rebuild fills a fresh index and moves the alias in one
 * {@code _aliases} call;</li>
 * <li>the client speaks Jackson 3 ({@code Jackson3JsonpMapper}); Jackson 2 is excluded.</li>
 * </ul>
 * Fusion of keyword and vector hits (reciprocal-rank fusion) is done by the caller.
 */
package io.github.deepseekspring.rag.store.elasticsearch;
