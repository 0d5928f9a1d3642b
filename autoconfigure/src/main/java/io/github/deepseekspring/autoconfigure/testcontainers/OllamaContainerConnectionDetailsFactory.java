package io.github.deepseekspring.autoconfigure.testcontainers;

import java.net.URI;
import java.util.List;

import io.github.deepseekspring.autoconfigure.LocalRuntimeConnectionDetails;
import org.testcontainers.ollama.OllamaContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Lets {@code @ServiceConnection OllamaContainer ollama = new OllamaContainer(...)} point the DeepSeek starter's local
 * backend at the container in a user's integration test.
 */
class OllamaContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<OllamaContainer, LocalRuntimeConnectionDetails> {

	OllamaContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "org.testcontainers.ollama.OllamaContainer");
	}

	@Override
	protected LocalRuntimeConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<OllamaContainer> source) {
		return new OllamaContainerConnectionDetails(source);
	}

	private static final class OllamaContainerConnectionDetails
			extends ContainerConnectionDetails<OllamaContainer> implements LocalRuntimeConnectionDetails {

		private OllamaContainerConnectionDetails(ContainerConnectionSource<OllamaContainer> source) {
			super(source);
		}

		@Override
		public List<URI> baseUrls() {
			return List.of(URI.create(getContainer().getEndpoint()));
		}

	}

}
