package io.github.deepseekspring.rag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.EmbeddingProgress;
import io.github.deepseekspring.rag.ingest.IngestionResult;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.ingest.ParseLimits;
import io.github.deepseekspring.rag.ingest.UnreadableDocumentException;
import io.github.deepseekspring.rag.retrieval.KnowledgeMetadata;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoredDocument;

import org.springframework.ai.document.Document;
import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * The knowledge base: documents in, searchable chunks out. A document is named by its source (a file name or URL):
 * ingesting the same source again replaces it atomically (searches see the old chunks or the new ones, never a mix),
 * and ingesting unchanged content is a no-op. Markdown, HTML, PDF and plain text are read; Chinese text is chunked at
 * sentence ends, headings kept as each chunk's context.
 */
public class KnowledgeBase {

	private final IngestionService ingestion;

	private final KnowledgeStore store;

	public KnowledgeBase(IngestionService ingestion, KnowledgeStore store) {
		this.ingestion = ingestion;
		this.store = store;
	}

	/**
	 * Ingests a file, a classpath resource or a URL. Its file name is its source (so {@code docs/a/faq.md} and
	 * {@code docs/b/faq.md} are one document; use {@link #ingest(Resource, String, String)} to tell them apart) and,
	 * without an extension, the title when the document has none of its own.
	 * @throws UnreadableDocumentException when the format is not supported or the content cannot be read
	 * @throws io.github.deepseekspring.rag.ingest.DocumentTooLargeException when it is larger than accepted
	 */
	public IngestionResult ingest(Resource resource) {
		String name = fileName(resource);
		return ingest(resource, name, withoutExtension(name));
	}

	/**
	 * Ingests a resource under the given source and fallback title.
	 * @param source names the document (ingesting the same source again replaces it)
	 * @param title the title to use when the document has none of its own
	 */
	public IngestionResult ingest(Resource resource, String source, String title) {
		return this.ingestion.ingest(read(resource), format(resource), source, title);
	}

	/**
	 * Ingests several resources in one write (one commit on Lucene, one bulk request on Elasticsearch); when one
	 * cannot be read, none is stored.
	 */
	public List<IngestionResult> ingestAll(Collection<? extends Resource> resources) {
		List<IngestionService.Upload> uploads = new ArrayList<>(resources.size());
		for (Resource resource : resources) {
			String name = fileName(resource);
			uploads.add(new IngestionService.Upload(read(resource), format(resource), name, withoutExtension(name)));
		}
		return this.ingestion.ingestAll(uploads);
	}

	/**
	 * Ingests a Spring AI document's text as Markdown (plain text is valid Markdown). Its metadata may name the
	 * {@link KnowledgeMetadata#SOURCE source} and the {@link KnowledgeMetadata#TITLE title}; without a source the
	 * document's id names it.
	 */
	public IngestionResult ingest(Document document) {
		Assert.notNull(document, "document must not be null");
		if (!document.isText() || document.getText() == null || document.getText().isBlank()) {
			throw new UnreadableDocumentException("the document holds no text");
		}
		String source = metadata(document, KnowledgeMetadata.SOURCE, document.getId());
		String title = metadata(document, KnowledgeMetadata.TITLE, source);
		return this.ingestion.ingest(document.getText().getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN,
				source, title);
	}

	/** Ingests content already in memory (an upload). */
	public IngestionResult ingest(byte[] content, DocumentFormat format, String source, String title) {
		return this.ingestion.ingest(content, format, source, title);
	}

	/** Removes a document by its id; false when there was none. */
	public boolean delete(String documentId) {
		return this.ingestion.delete(documentId);
	}

	/** Removes the document ingested from {@code source}; false when there was none. */
	public boolean deleteSource(String source) {
		return this.ingestion.deleteSource(source);
	}

	/**
	 * Re-indexes: embeds every stored document again, in every vector space (after an embedding model changed or was
	 * added), one document at a time, each switching atomically; searches keep working meanwhile.
	 * @param progress told when each document starts and when it has its new vectors
	 * @return the number of chunks embedded again
	 */
	public int embedAgain(EmbeddingProgress progress) {
		return this.ingestion.embedAgain(progress);
	}

	/** The stored documents, with their chunk counts. */
	public List<StoredDocument> documents() {
		return this.store.documents();
	}

	/** Number of stored chunks. */
	public long chunkCount() {
		return this.store.chunkCount();
	}

	private static String metadata(Document document, String key, String fallback) {
		Object value = document.getMetadata().get(key);
		return (value != null && !value.toString().isBlank()) ? value.toString().strip() : fallback;
	}

	private static String fileName(Resource resource) {
		Assert.notNull(resource, "resource must not be null");
		String name = resource.getFilename();
		if (name == null || name.isBlank()) {
			throw new UnreadableDocumentException("the resource " + resource.getDescription() + " has no file name; "
					+ "use ingest(resource, source, title)");
		}
		return name;
	}

	private static DocumentFormat format(Resource resource) {
		String name = resource.getFilename();
		return DocumentFormat.detect(name, null)
			.orElseThrow(() -> new UnreadableDocumentException(
					"cannot tell the format of " + name + ": use a .md, .markdown, .html, .htm, .pdf, .txt or .text name"));
	}

	private static String withoutExtension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	/** The resource's bytes, read no further than one byte past the largest document accepted. */
	private byte[] read(Resource resource) {
		ParseLimits limits = this.ingestion.limits();
		try (InputStream in = resource.getInputStream()) {
			byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxDocumentSize() + 1));
			limits.checkSize(content.length);
			return content;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource.getDescription(), ex);
		}
	}

}
