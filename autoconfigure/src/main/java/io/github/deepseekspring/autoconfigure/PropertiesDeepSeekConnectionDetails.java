package io.github.deepseekspring.autoconfigure;

import java.net.URI;

/** {@link DeepSeekConnectionDetails} read from {@link DeepSeekProperties}. */
class PropertiesDeepSeekConnectionDetails implements DeepSeekConnectionDetails {

	private final DeepSeekProperties properties;

	PropertiesDeepSeekConnectionDetails(DeepSeekProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI baseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public String apiKey() {
		return this.properties.hasApiKey() ? this.properties.getApiKey() : null;
	}

	@Override
	public String toString() {
		return "DeepSeekConnectionDetails[" + baseUrl() + ", apiKey " + (apiKey() != null ? "set" : "not set") + "]";
	}

}
