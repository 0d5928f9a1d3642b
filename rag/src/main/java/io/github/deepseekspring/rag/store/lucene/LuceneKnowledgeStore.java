package io.github.deepseekspring.rag.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.store.StoredDocument;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
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

	/** Chunks kept per reader: a knowledge base of a few thousand chunks fits, a larger one keeps its first ones. */
	private final StoredChunks storedChunks = new StoredChunks(10_000);

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
			.count(new FieldExistsQuery(ChunkFields.vectorField(space))));
	}

	@Override
	public List<StoreHit> keywordSearch(String query, int limit) {
		checkLimit(limit);
		return withSearcher((searcher) -> LuceneSearches.keyword(searcher, this.storedChunks, query, limit));
	}

	@Override
	public List<StoreHit> vectorSearch(String space, float[] queryVector, int limit) {
		checkLimit(limit);
		return withSearcher(
				(searcher) -> LuceneSearches.nearest(searcher, this.storedChunks, space, queryVector, limit));
	}

	@Override
	public Map<String, Integer> vectorSpaces() {
		return withSearcher(LuceneSearches::vectorSpaces);
	}

	@Override
	public List<KnowledgeChunk> chunks(String documentId) {
		return withSearcher((searcher) -> {
			TopDocs top = searcher.search(new TermQuery(new Term(ChunkFields.DOCUMENT_ID, documentId)), MAX_CHUNKS);
			List<KnowledgeChunk> chunks = new ArrayList<>(top.scoreDocs.length);
			for (ScoreDoc scoreDoc : top.scoreDocs) {
				chunks.add(ChunkFields.fromStored(searcher, scoreDoc.doc));
			}
			chunks.sort(Comparator.comparingInt(KnowledgeChunk::chunkIndex));
			return chunks;
		});
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
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
