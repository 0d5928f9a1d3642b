package io.github.deepseekspring.rag.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.rag.RagProperties;
import io.github.deepseekspring.rag.embedding.EmbeddingService;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchConnection;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchKnowledgeStore;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchStoreOptions;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the knowledge store: Elasticsearch when configured (or, in {@code auto}, when
 * {@code spring.elasticsearch.uris} is set and answers), otherwise an embedded Lucene index under the data folder.
 * The context closes the store on shutdown: the Lucene writer releases its lock, the Elasticsearch client its
 * connections and I/O threads.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StoreConfiguration.class);

	@Bean(destroyMethod = "close")
	KnowledgeStore knowledgeStore(RagProperties properties, ElasticsearchStoreProperties elasticsearch,
			EmbeddingService embeddings, @Value("${spring.elasticsearch.uris:}") List<String> elasticsearchUris,
			@Value("${spring.elasticsearch.username:}") String username,
			@Value("${spring.elasticsearch.password:}") String password) {
		ElasticsearchConnection connection = elasticsearchUris.isEmpty() ? null
				: ElasticsearchConnection.of(URI.create(elasticsearchUris.get(0)), username, password);
		boolean useElasticsearch = switch (properties.store()) {
			case ELASTICSEARCH -> true;
			case LUCENE -> false;
			case AUTO -> connection != null && answers(connection);
		};
		if (useElasticsearch) {
			if (connection == null) {
				throw new IllegalStateException(
						"deepseek.rag.store=elasticsearch needs spring.elasticsearch.uris, e.g. http://localhost:9200");
			}
			logger.info("Knowledge base on Elasticsearch at {}", connection);
			return ElasticsearchKnowledgeStore.connect(connection,
					ElasticsearchStoreOptions.builder()
						.alias(elasticsearch.alias())
						.dimensions(embeddings.dimensions())
						.shards(elasticsearch.shards())
						.replicas(elasticsearch.replicas())
						.build());
		}
		try {
			Files.createDirectories(properties.dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create deepseek.rag.data-dir " + properties.dataDir(), ex);
		}
		logger.info("Knowledge base in an embedded Lucene index under {}", properties.dataDir().toAbsolutePath());
		return LuceneKnowledgeStore.open(properties.dataDir().resolve("lucene"));
	}

	private static boolean answers(ElasticsearchConnection connection) {
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			int status = client
				.send(HttpRequest.newBuilder(connection.root()).timeout(Duration.ofSeconds(3)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
			return status < 500;
		}
		catch (IOException | RuntimeException ex) {
			logger.info("Elasticsearch at {} does not answer ({}); using the embedded Lucene index", connection,
					ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
