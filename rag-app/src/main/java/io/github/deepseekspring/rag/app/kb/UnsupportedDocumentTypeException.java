package io.github.deepseekspring.rag.app.kb;

/** An upload in a format the knowledge base does not read. */
class UnsupportedDocumentTypeException extends RuntimeException {

	UnsupportedDocumentTypeException(String fileName, String contentType) {
		super("Unsupported document type (file '" + UploadNames.baseName(fileName) + "', content type " + contentType
				+ "); upload Markdown (.md), HTML (.html), PDF (.pdf) or plain text (.txt)");
	}

}
