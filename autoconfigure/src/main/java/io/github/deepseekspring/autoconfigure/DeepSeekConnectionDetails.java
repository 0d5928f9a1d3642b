package io.github.deepseekspring.autoconfigure;

import java.net.URI;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the DeepSeek API is and the key to call it with. Defaults to the {@code deepseek.*} properties; a bean of
 * this type (for example from a service connection) takes precedence.
 */
public interface DeepSeekConnectionDetails extends ConnectionDetails {

	/** @return base URL of the DeepSeek API */
	URI baseUrl();

	/** @return the API key, or null when the remote API is not configured */
	String apiKey();

}
