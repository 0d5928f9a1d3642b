package io.github.deepseekspring.rag.app.kb;

/** A re-index was asked for while one runs (409). */
class ReindexRunningException extends RuntimeException {

	ReindexRunningException() {
		super("A re-index is running already; wait for it to finish");
	}

}
