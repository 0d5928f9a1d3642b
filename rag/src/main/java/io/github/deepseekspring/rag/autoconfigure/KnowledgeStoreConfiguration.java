package io.github.deepseekspring.rag.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchConnection;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchKnowledgeStore;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchStoreOptions;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the knowledge store: Elasticsearch when configured (or, in {@code auto}, when the application has an
 * Elasticsearch client bean that answers, or {@code spring.elasticsearch.uris} is set and answers), otherwise an
 * embedded Lucene index under the data folder. The context closes the store on shutdown: the Lucene writer releases
 * its lock, a client the store opened itself its connections; an application's client bean stays the application's.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeStoreConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeStoreConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	KnowledgeStore knowledgeStore(KnowledgeBaseProperties properties, VectorSpaces spaces,
			ObjectProvider<ElasticsearchClient> applicationClient,
			@Value("${spring.elasticsearch.uris:}") List<String> elasticsearchUris,
			@Value("${spring.elasticsearch.username:}") String username,
			@Value("${spring.elasticsearch.password:}") String password) {
		ElasticsearchClient client = applicationClient.getIfUnique();
		// An empty spring.elasticsearch.uris binds as one blank entry.
		ElasticsearchConnection connection = elasticsearchUris.stream()
			.filter((uri) -> !uri.isBlank())
			.findFirst()
			.map((uri) -> ElasticsearchConnection.of(URI.create(uri.strip()), username, password))
			.orElse(null);
		boolean useElasticsearch = switch (properties.store()) {
			case ELASTICSEARCH -> true;
			case LUCENE -> false;
			case AUTO -> (client != null) ? answers(client) : (connection != null && answers(connection));
		};
		if (useElasticsearch) {
			return elasticsearch(properties.elasticsearch(), spaces, client, connection);
		}
		return lucene(properties);
	}

	private static KnowledgeStore elasticsearch(KnowledgeBaseProperties.Elasticsearch settings, VectorSpaces spaces,
			ElasticsearchClient client, ElasticsearchConnection connection) {
		ElasticsearchStoreOptions.Builder builder = ElasticsearchStoreOptions.builder()
			.alias(settings.alias())
			.shards(settings.shards())
			.replicas(settings.replicas());
		spaces.dimensions().forEach(builder::vectorSpace);
		ElasticsearchStoreOptions options = builder.build();
		if (client != null) {
			logger.info("Knowledge base on Elasticsearch through the application's client, alias {}", settings.alias());
			return ElasticsearchKnowledgeStore.open(client, options);
		}
		if (connection == null) {
			throw new KnowledgeBaseConfigurationException(
					KnowledgeBaseProperties.PREFIX + ".store=elasticsearch, but no Elasticsearch is configured.",
					"Set spring.elasticsearch.uris (e.g. http://localhost:9200), add an Elasticsearch client bean, or set "
							+ KnowledgeBaseProperties.PREFIX + ".store=auto or lucene.");
		}
		logger.info("Knowledge base on Elasticsearch at {}, alias {}", connection, settings.alias());
		return ElasticsearchKnowledgeStore.connect(connection, options);
	}

	private static KnowledgeStore lucene(KnowledgeBaseProperties properties) {
		try {
			Files.createDirectories(properties.dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create deepseek.rag.data-dir " + properties.dataDir(), ex);
		}
		logger.info("Knowledge base in an embedded Lucene index under {}", properties.dataDir().toAbsolutePath());
		return LuceneKnowledgeStore.open(properties.dataDir().resolve("lucene"));
	}

	private static boolean answers(ElasticsearchClient client) {
		try {
			client.cluster().health();
			return true;
		}
		catch (IOException | RuntimeException ex) {
			logger.info("The application's Elasticsearch client gets no answer ({}); using the embedded Lucene index",
					ex.toString());
			return false;
		}
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
