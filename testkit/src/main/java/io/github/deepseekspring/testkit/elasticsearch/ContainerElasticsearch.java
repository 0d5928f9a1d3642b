package io.github.deepseekspring.testkit.elasticsearch;

import java.net.URI;
import java.util.Optional;

/**
 * Testcontainers' Elasticsearch, used only when Testcontainers is on the classpath and a Docker engine answers.
 * Reflection-free but isolated in {@link ContainerSupport} so this class loads without Testcontainers.
 */
final class ContainerElasticsearch {

	private ContainerElasticsearch() {
	}

	static Optional<URI> startIfDockerAnswers(String version) {
		if (!isPresent("org.testcontainers.elasticsearch.ElasticsearchContainer")) {
			return Optional.empty();
		}
		return ContainerSupport.startIfDockerAnswers(version);
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, ContainerElasticsearch.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
