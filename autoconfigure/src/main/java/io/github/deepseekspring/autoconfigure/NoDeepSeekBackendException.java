package io.github.deepseekspring.autoconfigure;

/**
 * Start-up failure when DeepSeek is enabled but neither the remote API nor a local runtime is configured.
 * {@link NoDeepSeekBackendFailureAnalyzer} turns it into advice naming the properties to set.
 */
public class NoDeepSeekBackendException extends IllegalStateException {

	public NoDeepSeekBackendException() {
		super("No DeepSeek backend is configured: neither deepseek.api-key nor deepseek.local.base-url "
				+ "(or deepseek.local.endpoints) is set");
	}

}
