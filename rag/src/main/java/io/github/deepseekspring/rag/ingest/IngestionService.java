package io.github.deepseekspring.rag.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoredDocument;

/**
 * Parses, chunks, embeds and stores documents. A document's id comes from its source (or title), so uploading the
 * same file again replaces it; its content hash makes an identical upload a no-op. The store replaces all chunks of
 * a document in one atomic step, so a crash mid-ingestion leaves the previous version searchable and a retry
 * completes it.
 */
public class IngestionService {

	private final DocumentParser parser;

	private final Chunker chunker;

	private final VectorSpaces spaces;

	private final KnowledgeStore store;

	private final EmbeddingDimensionGuard guard;

	/** Ingestion with one embedding model. */
	public IngestionService(DocumentParser parser, Chunker chunker, Embedder embeddings, KnowledgeStore store) {
		this(parser, chunker, VectorSpaces.of(embeddings), store);
	}

	/** Ingestion that embeds every chunk in every vector space, checked against the index's vector sizes. */
	public IngestionService(DocumentParser parser, Chunker chunker, VectorSpaces spaces, KnowledgeStore store) {
		this.parser = parser;
		this.chunker = chunker;
		this.spaces = spaces;
		this.store = store;
		this.guard = new EmbeddingDimensionGuard(spaces);
	}

	/**
	 * Ingests one document.
	 * @param content the file's bytes
	 * @param format its format
	 * @param source where it came from (file name or URL); names the document
	 * @param title title to use when the document has none of its own
	 */
	public IngestionResult ingest(byte[] content, DocumentFormat format, String source, String title) {
		return ingestAll(List.of(new Upload(content, format, source, title))).get(0);
	}

	/**
	 * Ingests several documents and writes them to the store in one step (for Lucene one commit and one reader
	 * refresh, for Elasticsearch one bulk request), which makes bulk loads much faster than a write per document;
	 * each document still switches atomically. When one document cannot be ingested (unreadable, or vectors of the
	 * wrong size) nothing of the batch is stored. A batch's chunks and vectors are held in memory until the write,
	 * so callers keep batches modest.
	 */
	public List<IngestionResult> ingestAll(List<Upload> uploads) {
		List<Object> prepared = new ArrayList<>(uploads.size());
		List<String> texts = new ArrayList<>();
		for (Upload upload : uploads) {
			Object next = prepare(upload);
			if (next instanceof Pending pending) {
				pending.pieces().forEach((piece) -> texts.add(embeddingText(pending.parsed().title(), piece)));
			}
			prepared.add(next);
		}
		List<Map<String, float[]>> vectors = embed(texts);
		Map<String, List<KnowledgeChunk>> writes = new LinkedHashMap<>();
		List<IngestionResult> results = new ArrayList<>(uploads.size());
		int nextVector = 0;
		for (Object next : prepared) {
			if (next instanceof Pending pending) {
				List<KnowledgeChunk> chunks = pending.chunks(vectors.subList(nextVector,
						nextVector + pending.pieces().size()));
				nextVector += chunks.size();
				writes.put(pending.documentId(), chunks);
				results.add(new IngestionResult(pending.documentId(), pending.parsed().title(),
						pending.update() ? IngestionResult.Status.UPDATED : IngestionResult.Status.CREATED,
						chunks.size()));
			}
			else {
				results.add((IngestionResult) next);
			}
		}
		if (!writes.isEmpty()) {
			this.store.replaceDocuments(writes);
		}
		return results;
	}

	/**
	 * Embeds the texts in every vector space, each space in one call for the whole batch (which keeps every core
	 * busy, where a document of a few chunks would not), checked against the index before anything is written: a
	 * model of another size than the index's would corrupt it for search.
	 */
	private List<Map<String, float[]>> embed(List<String> texts) {
		List<Map<String, float[]>> vectors = new ArrayList<>(texts.size());
		texts.forEach((text) -> vectors.add(new LinkedHashMap<>()));
		if (texts.isEmpty()) {
			return vectors;
		}
		for (VectorSpace space : this.spaces.all()) {
			List<float[]> embedded = space.embedder().embedPassages(texts);
			this.guard.check(this.store, space, embedded.get(0).length);
			for (int i = 0; i < texts.size(); i++) {
				vectors.get(i).put(space.name(), embedded.get(i));
			}
		}
		return vectors;
	}

	/**
	 * Embeds the stored chunks of every document again, in every vector space, and writes them back: how an index
	 * gains the vectors of a model added beside the others. Each document switches atomically.
	 * @return the number of chunks embedded again
	 */
	public int embedAgain() {
		return embedAgain(EmbeddingProgress.NONE);
	}

	/**
	 * Embeds every document again as {@link #embedAgain()} does, telling {@code progress} about each document.
	 * @param progress told when each document starts and when it has its new vectors
	 * @return the number of chunks embedded again
	 */
	public int embedAgain(EmbeddingProgress progress) {
		int embedded = 0;
		List<StoredDocument> documents = this.store.documents();
		for (int d = 0; d < documents.size(); d++) {
			StoredDocument document = documents.get(d);
			progress.started(d, documents.size(), document);
			List<KnowledgeChunk> stored = this.store.chunks(document.documentId());
			List<Map<String, float[]>> vectors = embed(stored.stream().map(IngestionService::embeddingText).toList());
			List<KnowledgeChunk> chunks = new ArrayList<>(stored.size());
			for (int i = 0; i < stored.size(); i++) {
				chunks.add(stored.get(i).withVectors(vectors.get(i)));
			}
			this.store.replaceDocument(document.documentId(), chunks);
			embedded += chunks.size();
			progress.embedded(d, documents.size(), document, chunks.size());
		}
		return embedded;
	}

	/** Parses and chunks one upload: a {@link Pending} write, or the result when the store has this version. */
	private Object prepare(Upload upload) {
		String source = upload.source();
		String documentId = documentId((source != null && !source.isBlank()) ? source : upload.title());
		String documentHash = sha256(upload.content());
		Optional<String> stored = this.store.documentHash(documentId);
		ParsedDocument parsed = this.parser.parse(upload.content(), upload.format(), upload.title());
		if (stored.isPresent() && stored.get().equals(documentHash)) {
			return new IngestionResult(documentId, parsed.title(), IngestionResult.Status.UNCHANGED,
					this.store.documents()
						.stream()
						.filter((document) -> document.documentId().equals(documentId))
						.mapToInt(StoredDocument::chunks)
						.findFirst()
						.orElse(0));
		}
		return new Pending(documentId, documentHash, source, parsed, this.chunker.chunk(parsed), stored.isPresent());
	}

	/** A parsed and chunked document waiting for its vectors. */
	private record Pending(String documentId, String documentHash, String source, ParsedDocument parsed,
			List<Chunker.Piece> pieces, boolean update) {

		List<KnowledgeChunk> chunks(List<Map<String, float[]>> vectors) {
			List<KnowledgeChunk> chunks = new ArrayList<>(this.pieces.size());
			for (int i = 0; i < this.pieces.size(); i++) {
				Chunker.Piece piece = this.pieces.get(i);
				String contentHash = sha256(piece.text().getBytes(StandardCharsets.UTF_8));
				chunks.add(new KnowledgeChunk(this.documentId + ":" + i + ":" + contentHash.substring(0, 12),
						this.documentId, i, this.parsed.title(), headingPath(piece), piece.text(), this.source,
						piece.page(), contentHash, this.documentHash, vectors.get(i)));
			}
			return chunks;
		}

	}

	/**
	 * One document to ingest.
	 * @param content the file's bytes
	 * @param format its format
	 * @param source where it came from (file name or URL); names the document
	 * @param title title to use when the document has none of its own
	 */
	public record Upload(byte[] content, DocumentFormat format, String source, String title) {

	}

	/** What reading one document may cost. */
	public ParseLimits limits() {
		return this.parser.limits();
	}

	/** Removes a document; false when there was none with that id. */
	public boolean delete(String documentId) {
		if (this.store.documentHash(documentId).isEmpty()) {
			return false;
		}
		this.store.deleteDocument(documentId);
		return true;
	}

	/** Removes the document ingested from {@code source} (a file name or URL); false when there was none. */
	public boolean deleteSource(String source) {
		return delete(documentId(source));
	}

	static String documentId(String name) {
		return "doc-" + sha256(name.strip().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
	}

	private static String embeddingText(String title, Chunker.Piece piece) {
		return embeddingText(title, headingPath(piece), piece.text());
	}

	private static String embeddingText(KnowledgeChunk chunk) {
		return embeddingText(chunk.title(), chunk.headingPath(), chunk.text());
	}

	private static String embeddingText(String title, String headingPath, String text) {
		// Title and headings give a short chunk the context its words alone lack.
		return ((title != null) ? title + "\n" : "") + ((headingPath != null) ? headingPath + "\n" : "") + text;
	}

	private static String headingPath(Chunker.Piece piece) {
		return piece.headingPath().isEmpty() ? null : String.join(" > ", piece.headingPath());
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
