package io.github.deepseekspring.rag.store.elasticsearch;

import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;
import static io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchIndexAdmin.call;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;

/**
 * The two queries hybrid retrieval needs: BM25 over the app-segmented text (plus an exact match
 * on product and error codes that outranks any text match) and kNN over the embeddings. Fusion
 * happens in the app, since the free distribution has no {@code rrf} retriever.
 */
final class ElasticsearchChunkSearcher {

    /** Boost of an exact code match: larger than any BM25 score of these short chunks, so code hits rank first. */
    static final float CODE_MATCH_BOOST = 100f;

    private static final String EXACT_CODE = "exact_code";

    private static final String[] NOT_RETURNED = {ChunkFields.EMBEDDING, ChunkFields.EMBEDDINGS, ChunkFields.SEARCH_TEXT,
            ChunkFields.CODES};

    private final ElasticsearchClient client;
    private final String alias;

    ElasticsearchChunkSearcher(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Best {@code limit} chunks by BM25; an empty list when the query has no searchable term. */
    List<ChunkHit> keyword(String query, int limit) {
        String terms = CjkBigramSegmenter.segment(query);
        List<FieldValue> codes = ProductCodes.in(query).stream().map(FieldValue::of).toList();
        if (terms.isEmpty() && codes.isEmpty()) {
            return List.of();
        }
        List<Query> should = new ArrayList<>();
        if (!terms.isEmpty()) {
            should.add(Query.of(q -> q.match(m -> m.field(ChunkFields.SEARCH_TEXT).query(terms))));
        }
        if (!codes.isEmpty()) {
            should.add(Query.of(q -> q.constantScore(c -> c.boost(CODE_MATCH_BOOST).queryName(EXACT_CODE)
                    .filter(f -> f.terms(t -> t.field(ChunkFields.CODES).terms(v -> v.value(codes)))))));
        }
        return run(SearchRequest.of(s -> s.index(alias).size(limit).source(src -> src.filter(f -> f.excludes(List.of(NOT_RETURNED))))
                .query(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")))));
    }

    /** The {@code limit} chunks nearest to {@code vector} in a vector space, by cosine similarity. */
    List<ChunkHit> nearest(String space, float[] vector, int limit) {
        List<Float> queryVector = new ArrayList<>(vector.length);
        for (float value : vector) {
            queryVector.add(value);
        }
        return run(SearchRequest.of(s -> s.index(alias).size(limit).source(src -> src.filter(f -> f.excludes(List.of(NOT_RETURNED))))
                .knn(k -> k.field(ChunkFields.vectorField(space)).queryVector(queryVector).k(limit)
                        .numCandidates(Math.min(10_000, Math.max(100, limit * 10))))));
    }

    private List<ChunkHit> run(SearchRequest request) {
        SearchResponse<ChunkDocument> response = call(() -> client.search(request, ChunkDocument.class));
        return response.hits().hits().stream()
                .map(hit -> new ChunkHit(hit.source(), hit.score() == null ? 0 : hit.score(),
                        hit.matchedQueries().containsKey(EXACT_CODE)))
                .toList();
    }
}
