package io.github.deepseekspring.rag.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.store.StoredDocument;
import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The knowledge base in an embedded Lucene index on disk, so the application runs with no services. Text is
 * segmented by the application ({@link CjkBigramSegmenter}, the same terms the Elasticsearch store indexes), codes
 * go to an exact keyword field, vectors to an HNSW field with cosine similarity. One writer; searches use
 * near-real-time readers refreshed after each commit.
 */
public final class LuceneKnowledgeStore implements KnowledgeStore {

	/** Most hits one search may ask for. */
	public static final int MAX_LIMIT = 1000;

	/** Most chunks one document may have. */
	private static final int MAX_CHUNKS = 100_000;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private LuceneKnowledgeStore(Directory directory) throws IOException {
		this.directory = directory;
		this.writer = new IndexWriter(directory, new IndexWriterConfig(ChunkFields.analyzer())
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
		this.writer.commit();
		this.searchers = new SearcherManager(this.writer, null);
	}

	/** Opens (creating when needed) the index in {@code folder}. */
	public static LuceneKnowledgeStore open(Path folder) {
		try {
			return new LuceneKnowledgeStore(FSDirectory.open(folder));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the Lucene index in " + folder, ex);
		}
	}

	@Override
	public void replaceDocument(String documentId, List<KnowledgeChunk> chunks) {
		replaceDocuments(Map.of(documentId, chunks));
	}

	/** All documents in one commit and one reader refresh; each one's delete-and-add is a single block. */
	@Override
	public synchronized void replaceDocuments(Map<String, List<KnowledgeChunk>> chunksByDocument) {
		chunksByDocument.forEach((documentId, chunks) -> {
			for (KnowledgeChunk chunk : chunks) {
				if (!chunk.documentId().equals(documentId)) {
					throw new IllegalArgumentException(
							"chunk " + chunk.chunkId() + " belongs to " + chunk.documentId() + ", not to " + documentId);
				}
			}
		});
		String current = null;
		try {
			for (Map.Entry<String, List<KnowledgeChunk>> document : chunksByDocument.entrySet()) {
				current = document.getKey();
				Term term = new Term(ChunkFields.DOCUMENT_ID, current);
				if (document.getValue().isEmpty()) {
					this.writer.deleteDocuments(term);
				}
				else {
					// One delete-and-add block: readers see either the old chunks or the new ones, never a mix or nothing.
					this.writer.updateDocuments(term, document.getValue().stream().map(ChunkFields::toDocument).toList());
				}
			}
			this.writer.commit();
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store document " + current, ex);
		}
	}

	@Override
	public Optional<String> documentHash(String documentId) {
		return withSearcher((searcher) -> {
			TopDocs top = searcher.search(new TermQuery(new Term(ChunkFields.DOCUMENT_ID, documentId)), 1);
			return (top.scoreDocs.length == 0) ? Optional.<String>empty()
					: Optional.ofNullable(ChunkFields.fromStored(searcher, top.scoreDocs[0].doc).documentHash());
		});
	}

	@Override
	public List<StoredDocument> documents() {
		return withSearcher((searcher) -> {
			Map<String, StoredDocument> documents = new LinkedHashMap<>();
			TopDocs heads = searcher.search(new TermQuery(new Term(ChunkFields.HEAD, "1")), Integer.MAX_VALUE);
			for (ScoreDoc head : heads.scoreDocs) {
				KnowledgeChunk chunk = ChunkFields.fromStored(searcher, head.doc);
				int count = searcher.count(new TermQuery(new Term(ChunkFields.DOCUMENT_ID, chunk.documentId())));
				documents.put(chunk.documentId(), new StoredDocument(chunk.documentId(), chunk.title(), chunk.source(),
						chunk.documentHash(), count));
			}
			return List.copyOf(documents.values());
		});
	}

	@Override
	public long chunkCount() {
		return withSearcher((searcher) -> (long) searcher.count(new MatchAllDocsQuery()));
	}

	@Override
	public long vectorCount(String space) {
		return withSearcher((searcher) -> (long) searcher
			.count(new org.apache.lucene.search.FieldExistsQuery(ChunkFields.vectorField(space))));
	}

	@Override
	public List<StoreHit> keywordSearch(String query, int limit) {
		checkLimit(limit);
		Set<String> codes = ProductCodes.in(query);
		BooleanQuery.Builder bm25 = new BooleanQuery.Builder();
		for (String term : CjkBigramSegmenter.terms(query)) {
			bm25.add(new TermQuery(new Term(ChunkFields.TEXT, term)), BooleanClause.Occur.SHOULD);
		}
		for (String code : codes) {
			// A named code outweighs any amount of shared wording, so exact matches rank first.
			bm25.add(new org.apache.lucene.search.BoostQuery(new TermQuery(new Term(ChunkFields.CODES, code)), 1000f),
					BooleanClause.Occur.SHOULD);
		}
		Query built = bm25.build();
		if (((BooleanQuery) built).clauses().isEmpty()) {
			return List.of();
		}
		return withSearcher((searcher) -> hits(searcher, searcher.search(built, limit), codes));
	}

	@Override
	public List<StoreHit> vectorSearch(String space, float[] queryVector, int limit) {
		checkLimit(limit);
		return withSearcher((searcher) -> {
			Integer dimensions = vectorSpaces(searcher).get(space);
			if (dimensions == null) {
				return List.of();
			}
			if (queryVector == null || queryVector.length != dimensions) {
				throw new IllegalArgumentException(
						"the query vector of space " + space + " must have " + dimensions + " dimensions");
			}
			return hits(searcher, searcher.search(
					new KnnFloatVectorQuery(ChunkFields.vectorField(space), queryVector, limit), limit), Set.of());
		});
	}

	@Override
	public Map<String, Integer> vectorSpaces() {
		return withSearcher(LuceneKnowledgeStore::vectorSpaces);
	}

	@Override
	public List<KnowledgeChunk> chunks(String documentId) {
		return withSearcher((searcher) -> {
			TopDocs top = searcher.search(new TermQuery(new Term(ChunkFields.DOCUMENT_ID, documentId)), MAX_CHUNKS);
			List<KnowledgeChunk> chunks = new ArrayList<>(top.scoreDocs.length);
			for (ScoreDoc scoreDoc : top.scoreDocs) {
				chunks.add(ChunkFields.fromStored(searcher, scoreDoc.doc));
			}
			chunks.sort(java.util.Comparator.comparingInt(KnowledgeChunk::chunkIndex));
			return chunks;
		});
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
	}

	private static Map<String, Integer> vectorSpaces(IndexSearcher searcher) {
		Map<String, Integer> spaces = new java.util.TreeMap<>();
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

	@Override
	public String kind() {
		return "lucene";
	}

	@Override
	public void close() {
		try {
			this.searchers.close();
			this.writer.close();
			this.directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not close the Lucene index", ex);
		}
	}

	private static List<StoreHit> hits(IndexSearcher searcher, TopDocs top, Set<String> queryCodes)
			throws IOException {
		List<StoreHit> hits = new ArrayList<>(top.scoreDocs.length);
		for (ScoreDoc scoreDoc : top.scoreDocs) {
			KnowledgeChunk chunk = ChunkFields.fromStored(searcher, scoreDoc.doc);
			boolean exact = !queryCodes.isEmpty()
					&& ChunkFields.codesOf(searcher, scoreDoc.doc).stream().anyMatch(queryCodes::contains);
			hits.add(new StoreHit(chunk, scoreDoc.score, exact));
		}
		return hits;
	}

	private <T> T withSearcher(SearcherFunction<T> function) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return function.apply(searcher);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Lucene search failed", ex);
		}
	}

	@FunctionalInterface
	private interface SearcherFunction<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

}
