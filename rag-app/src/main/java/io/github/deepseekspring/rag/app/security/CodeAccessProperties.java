package io.github.deepseekspring.rag.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Who may use the code assistant ({@code /code}, {@code /api/code/**}), a security decision kept beside the others
 * while the assistant's own settings are {@code CodeProperties}.
 *
 * @param open whether anyone may use it without signing in or sending an API key (default false: a signed-in user or
 * a key from {@code deepseek.rag.api-keys})
 */
@ConfigurationProperties("deepseek.rag.code")
public record CodeAccessProperties(@Name("public") Boolean open) {

	public CodeAccessProperties {
		open = (open != null) ? open : Boolean.FALSE;
	}

}
