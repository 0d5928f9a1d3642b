package io.github.deepseekspring.testkit.elasticsearch;

import java.net.URI;
import java.util.Optional;

/** Picks where the shared Elasticsearch comes from, in the order {@link TestElasticsearch} documents. */
final class ElasticsearchProvisioning {

	static final String VERSION = "9.2.0";

	private ElasticsearchProvisioning() {
	}

	static TestElasticsearch provision() {
		Optional<String> configured = configuredUrl();
		if (configured.isPresent()) {
			URI uri = URI.create(configured.get());
			ElasticsearchHealth.awaitYellow(uri, java.time.Duration.ofSeconds(60), () -> "(ES_URL=" + uri + ")");
			return new TestElasticsearch(uri, "ES_URL");
		}
		Optional<URI> container = ContainerElasticsearch.startIfDockerAnswers(VERSION);
		if (container.isPresent()) {
			return new TestElasticsearch(container.get(), "testcontainers");
		}
		return new TestElasticsearch(DistributionElasticsearch.start(DistributionLocator.locate(VERSION)),
				"distribution");
	}

	private static Optional<String> configuredUrl() {
		String url = System.getProperty("deepseek.testkit.elasticsearch.url", System.getenv("ES_URL"));
		return Optional.ofNullable(url).map(String::trim).filter((value) -> !value.isEmpty());
	}

}
