package io.github.deepseekspring.rag.app.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys for programs: the OpenAI-compatible API ({@code /v1}) and the code assistant accept them as
 * {@code Authorization: Bearer <key>}.
 *
 * @param apiKeys the keys accepted; when empty {@code /v1} refuses every request with 401 and the code assistant
 * needs a signed-in user
 */
@ConfigurationProperties("deepseek.rag")
public record ApiKeyProperties(List<String> apiKeys) {

	public ApiKeyProperties {
		apiKeys = (apiKeys != null) ? apiKeys.stream().filter((k) -> k != null && !k.isBlank()).toList() : List.of();
	}

	@Override
	public String toString() {
		return "ApiKeyProperties[apiKeys=" + this.apiKeys.size() + " keys, redacted]";
	}

}
