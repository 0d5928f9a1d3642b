package io.github.deepseekspring.local.transport;

import java.net.URI;

/**
 * Joins an endpoint's base URL and an API path, keeping any prefix of the base (a runtime behind a reverse proxy at
 * {@code https://gpu.example/ollama}); {@link URI#resolve(String)} would drop it. Internal.
 */
public final class EndpointPaths {

	private EndpointPaths() {
	}

	public static URI join(URI base, String path) {
		String text = base.toString();
		return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
	}

	/** OpenAI-compatible base URLs are often given with their {@code /v1}; the client adds it itself. */
	public static URI withoutV1(URI base) {
		String text = base.toString();
		text = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
		return URI.create(text.endsWith("/v1") ? text.substring(0, text.length() - 3) : text);
	}

}
