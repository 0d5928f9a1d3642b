package io.github.deepseekspring.rag.app.kb;

import io.github.deepseekspring.rag.app.Problems;
import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;
import io.github.deepseekspring.rag.embedding.EmbeddingUnavailableException;
import io.github.deepseekspring.rag.ingest.DocumentTooLargeException;
import io.github.deepseekspring.rag.ingest.UnreadableDocumentException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the knowledge base API's errors; nothing is stored when one is answered. */
@RestControllerAdvice(assignableTypes = { KnowledgeBaseController.class, ReindexController.class })
class KnowledgeBaseProblems {

	@ExceptionHandler(UnsupportedDocumentTypeException.class)
	ProblemDetail unsupported(UnsupportedDocumentTypeException ex) {
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported document type", ex.getMessage());
	}

	@ExceptionHandler(UnreadableDocumentException.class)
	ProblemDetail unreadable(UnreadableDocumentException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable document", "The document cannot be ingested: " + ex.getMessage());
	}

	@ExceptionHandler(DocumentTooLargeException.class)
	ProblemDetail tooLarge(DocumentTooLargeException ex) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Document too large", ex.getMessage());
	}

	@ExceptionHandler(DocumentNotFoundException.class)
	ProblemDetail notFound(DocumentNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Document not found", ex.getMessage());
	}

	@ExceptionHandler(EmbeddingUnavailableException.class)
	ProblemDetail embeddingUnavailable(EmbeddingUnavailableException ex) {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Embedding model unavailable", ex.getMessage());
	}

	@ExceptionHandler(EmbeddingMismatchException.class)
	ProblemDetail embeddingMismatch(EmbeddingMismatchException ex) {
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Embedding model does not fit the index", ex.getMessage());
	}

	@ExceptionHandler(ReindexRunningException.class)
	ProblemDetail reindexRunning(ReindexRunningException ex) {
		return Problems.of(HttpStatus.CONFLICT, "Re-index running", ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}


}
