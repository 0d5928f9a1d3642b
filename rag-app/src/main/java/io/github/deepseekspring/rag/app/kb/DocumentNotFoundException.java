package io.github.deepseekspring.rag.app.kb;

/** No document with that id in the knowledge base. */
class DocumentNotFoundException extends RuntimeException {

	DocumentNotFoundException(String documentId) {
		super("No document with id '" + documentId + "'");
	}

}
