package io.github.deepseekspring.rag.app.security;

/** How settings objects print a secret: that it is set, never what it is. */
final class Secrets {

	private Secrets() {
	}

	static String redacted(String secret) {
		return (secret == null || secret.isEmpty()) ? "<unset>" : "******";
	}

}
