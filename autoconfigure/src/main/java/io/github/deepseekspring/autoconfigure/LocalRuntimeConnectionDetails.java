package io.github.deepseekspring.autoconfigure;

import java.net.URI;
import java.util.List;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the local runtime's endpoints are. Defaults to {@code deepseek.local.base-url} /
 * {@code deepseek.local.endpoints}; a bean of this type, such as the one a {@code @ServiceConnection}
 * {@code OllamaContainer} contributes in tests, takes precedence.
 */
public interface LocalRuntimeConnectionDetails extends ConnectionDetails {

	/** @return base URLs of the endpoints, e.g. {@code http://localhost:11434} */
	List<URI> baseUrls();

}
