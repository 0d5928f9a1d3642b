package io.github.deepseekspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link NoDeepSeekBackendException}: which properties to set, or how to switch DeepSeek off. */
class NoDeepSeekBackendFailureAnalyzer extends AbstractFailureAnalyzer<NoDeepSeekBackendException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoDeepSeekBackendException cause) {
		return new FailureAnalysis(
				"The DeepSeek starter found no backend to send chat requests to: neither the DeepSeek API key "
						+ "nor a local runtime is configured.",
				"""
						Set at least one of:
						\tdeepseek.api-key            (or the environment variable DEEPSEEK_API_KEY) for the DeepSeek API
						\tdeepseek.local.base-url     for a local runtime, e.g. http://localhost:11434 (Ollama)
						\tdeepseek.local.endpoints[0].url   for a pool of local runtime endpoints
						or set deepseek.required=false to start without a DeepSeek chat model until one is configured,
						or deepseek.enabled=false to keep the starter switched off.""",
				cause);
	}

}
