package io.github.deepseekspring.rag.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account.
 *
 * @param password password of the user "admin"; a random one is generated and logged once at start-up when unset
 */
@ConfigurationProperties("deepseek.rag.admin")
public record AdminProperties(String password) {

	@Override
	public String toString() {
		return "AdminProperties[password=" + Secrets.redacted(this.password) + "]";
	}

}
