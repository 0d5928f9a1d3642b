package io.github.deepseekspring.rag.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The installation's secret key.
 *
 * @param secret key that signs the chat cookie and keys the hashes of client addresses and API keys in logs, audit
 * rows and budgets, at least 32 characters (e.g. {@code openssl rand -base64 32}); replicas of one installation must
 * share it. When unset a random one is generated on the first start into {@code <data-dir>/install-secret} and read
 * from there afterwards (not on Kubernetes, where pods do not share a data directory: there the start fails)
 */
@ConfigurationProperties("deepseek.rag.security")
public record InstallSecretProperties(String secret) {

	/** The shortest configured secret accepted. */
	public static final int MIN_LENGTH = 32;

	@Override
	public String toString() {
		return "InstallSecretProperties[secret=" + Secrets.redacted(this.secret) + "]";
	}

}
