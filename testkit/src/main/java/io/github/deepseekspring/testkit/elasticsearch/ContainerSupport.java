package io.github.deepseekspring.testkit.elasticsearch;

import java.net.URI;
import java.util.Optional;

import io.github.deepseekspring.testkit.process.DockerEngine;

import org.testcontainers.elasticsearch.ElasticsearchContainer;

/** Touches Testcontainers types; loaded only after {@link ContainerElasticsearch} saw them on the classpath. */
final class ContainerSupport {

	private static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:";

	private ContainerSupport() {
	}

	static Optional<URI> startIfDockerAnswers(String version) {
		if (!DockerEngine.answers()) {
			return Optional.empty();
		}
		ElasticsearchContainer container = new ElasticsearchContainer(IMAGE + version)
			.withEnv("xpack.security.enabled", "false")
			.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
			.withEnv("cluster.routing.allocation.disk.threshold_enabled", "false");
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "testkit-elasticsearch-container-stop"));
		return Optional.of(URI.create("http://" + container.getHttpHostAddress()));
	}

}
