package io.github.deepseekspring.rag.store.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** The store's two searches on one searcher: BM25 over the segmented text with exact codes first, and kNN per space. */
final class LuceneSearches {

	/** A named code outweighs any amount of shared wording, so exact matches rank first. */
	private static final float CODE_MATCH_BOOST = 1000f;

	private LuceneSearches() {
	}

	static List<StoreHit> keyword(IndexSearcher searcher, StoredChunks stored, String query, int limit) throws IOException {
		Set<String> codes = ProductCodes.in(query);
		BooleanQuery.Builder bm25 = new BooleanQuery.Builder();
		for (String term : CjkBigramSegmenter.terms(query)) {
			bm25.add(new TermQuery(new Term(ChunkFields.TEXT, term)), BooleanClause.Occur.SHOULD);
		}
		for (String code : codes) {
			bm25.add(new BoostQuery(new TermQuery(new Term(ChunkFields.CODES, code)), CODE_MATCH_BOOST),
					BooleanClause.Occur.SHOULD);
		}
		BooleanQuery built = bm25.build();
		if (built.clauses().isEmpty()) {
			return List.of();
		}
		return hits(searcher, stored, searcher.search(built, limit), codes);
	}

	static List<StoreHit> nearest(IndexSearcher searcher, StoredChunks stored, String space, float[] queryVector,
			int limit) throws IOException {
		Integer dimensions = vectorSpaces(searcher).get(space);
		if (dimensions == null) {
			return List.of();
		}
		if (queryVector == null || queryVector.length != dimensions) {
			throw new IllegalArgumentException(
					"the query vector of space " + space + " must have " + dimensions + " dimensions");
		}
		return hits(searcher, stored,
				searcher.search(new KnnFloatVectorQuery(ChunkFields.vectorField(space), queryVector, limit), limit),
				Set.of());
	}

	/** The vector spaces the index holds, with their sizes. */
	static Map<String, Integer> vectorSpaces(IndexSearcher searcher) {
		Map<String, Integer> spaces = new TreeMap<>();
		for (var leaf : searcher.getIndexReader().leaves()) {
			for (var field : leaf.reader().getFieldInfos()) {
				String space = ChunkFields.spaceOf(field.name);
				if (space != null && field.getVectorDimension() > 0) {
					spaces.put(space, field.getVectorDimension());
				}
			}
		}
		return spaces;
	}

	/** Each hit's chunk and codes come from the reader's cache of stored fields, read once per reader. */
	private static List<StoreHit> hits(IndexSearcher searcher, StoredChunks storedChunks, TopDocs top,
			Set<String> queryCodes) throws IOException {
		List<StoreHit> hits = new ArrayList<>(top.scoreDocs.length);
		for (ScoreDoc scoreDoc : top.scoreDocs) {
			StoredChunks.Stored stored = storedChunks.get(searcher, scoreDoc.doc);
			boolean exact = !queryCodes.isEmpty() && stored.codes().stream().anyMatch(queryCodes::contains);
			hits.add(new StoreHit(stored.chunk(), scoreDoc.score, exact));
		}
		return hits;
	}

}
