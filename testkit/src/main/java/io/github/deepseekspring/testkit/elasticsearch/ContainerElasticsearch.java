package io.github.deepseekspring.testkit.elasticsearch;

import java.net.URI;
import java.util.Optional;

import io.github.deepseekspring.testkit.process.OptionalClasses;

/**
 * Testcontainers' Elasticsearch, used only when Testcontainers is on the classpath and a Docker engine answers.
 * Reflection-free but isolated in {@link ContainerSupport} so this class loads without Testcontainers.
 */
final class ContainerElasticsearch {

	private ContainerElasticsearch() {
	}

	static Optional<URI> startIfDockerAnswers(String version) {
		if (!OptionalClasses.isPresent("org.testcontainers.elasticsearch.ElasticsearchContainer")) {
			return Optional.empty();
		}
		return ContainerSupport.startIfDockerAnswers(version);
	}

}
