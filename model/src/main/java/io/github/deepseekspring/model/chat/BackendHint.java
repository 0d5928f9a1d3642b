package io.github.deepseekspring.model.chat;

/** Which backend a request asks for; {@link #AUTO} leaves the choice to the routing mode. */
public enum BackendHint {

	/** The DeepSeek API. */
	REMOTE,
	/** The local runtime. */
	LOCAL,
	/** Decided by the configured routing mode. */
	AUTO

}
