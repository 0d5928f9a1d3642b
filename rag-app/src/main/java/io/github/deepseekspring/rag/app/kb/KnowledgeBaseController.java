package io.github.deepseekspring.rag.app.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.app.RagProperties;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.DocumentTooLargeException;
import io.github.deepseekspring.rag.ingest.IngestionResult;
import io.github.deepseekspring.rag.ingest.UnreadableDocumentException;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import io.github.deepseekspring.rag.retrieval.SearchMode;
import io.github.deepseekspring.rag.store.StoredDocument;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The knowledge base API for administrators: upload, list, delete and search. */
@RestController
@RequestMapping("/api/kb")
class KnowledgeBaseController {

	private static final int MAX_K = 50;

	private final KnowledgeBase knowledgeBase;

	private final HybridRetriever retriever;

	private final RagProperties properties;

	KnowledgeBaseController(KnowledgeBase knowledgeBase, HybridRetriever retriever, RagProperties properties) {
		this.knowledgeBase = knowledgeBase;
		this.retriever = retriever;
		this.properties = properties;
	}

	/** A text document sent as JSON. */
	record TextDocument(String title, String text, String source) {
	}

	@PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<IngestionResult> upload(@RequestPart("file") MultipartFile file) {
		DocumentFormat format = DocumentFormat.detect(file.getOriginalFilename(), file.getContentType())
			.orElseThrow(() -> new UnsupportedDocumentTypeException(file.getOriginalFilename(), file.getContentType()));
		// Only the file's base name is kept, as a label: it is never used as a path.
		String source = UploadNames.baseName(file.getOriginalFilename());
		try {
			return created(this.knowledgeBase.ingest(file.getBytes(), format, source, UploadNames.titleOf(source)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping(path = "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IngestionResult> uploadText(@RequestBody TextDocument document) {
		if (document.text() == null || document.text().isBlank()) {
			throw new UnreadableDocumentException("text is empty");
		}
		if (document.title() == null || document.title().isBlank()) {
			throw new IllegalArgumentException("title is required");
		}
		if (document.text().length() > this.properties.ingest().maxTextLength()) {
			throw new DocumentTooLargeException(
					"text is longer than " + this.properties.ingest().maxTextLength() + " characters");
		}
		String source = (document.source() != null && !document.source().isBlank()) ? document.source().strip()
				: document.title().strip();
		String markdown = "# " + document.title().strip() + "\n\n" + document.text();
		return created(this.knowledgeBase.ingest(markdown.getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, source,
				document.title().strip()));
	}

	@GetMapping("/documents")
	List<StoredDocument> documents() {
		return this.knowledgeBase.documents();
	}

	@DeleteMapping("/documents/{documentId}")
	ResponseEntity<Void> delete(@PathVariable String documentId) {
		if (!this.knowledgeBase.delete(documentId)) {
			throw new DocumentNotFoundException(documentId);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/search")
	List<SearchHit> search(@RequestParam String q, @RequestParam(defaultValue = "10") int k,
			@RequestParam(defaultValue = "hybrid") String mode) {
		if (k < 1 || k > MAX_K) {
			throw new IllegalArgumentException("k must be between 1 and " + MAX_K);
		}
		return this.retriever.search(q, k, SearchMode.parse(mode));
	}

	private static ResponseEntity<IngestionResult> created(IngestionResult result) {
		HttpStatus status = (result.status() == IngestionResult.Status.CREATED) ? HttpStatus.CREATED : HttpStatus.OK;
		return ResponseEntity.status(status).body(result);
	}

}
