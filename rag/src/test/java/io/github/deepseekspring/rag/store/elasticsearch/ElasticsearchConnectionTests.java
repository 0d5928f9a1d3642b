package io.github.deepseekspring.rag.store.elasticsearch;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchConnectionTests {

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private HttpServer cluster;

	@BeforeEach
	void startCluster() throws Exception {
		this.cluster = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.cluster.createContext("/", (exchange) -> {
			this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.cluster.start();
	}

	@AfterEach
	void stopCluster() {
		this.cluster.stop(0);
	}

	@Test
	void signsInWithTheConfiguredUser() throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + this.cluster.getAddress().getPort());
		ping(ElasticsearchConnection.of(uri, "rag-app", "not-a-real-secret"));
		assertThat(this.authorizations).containsExactly("Basic cmFnLWFwcDpub3QtYS1yZWFsLXNlY3JldA==");
	}

	@Test
	void takesTheUserFromTheUriAndSendsNothingWithout() throws Exception {
		int port = this.cluster.getAddress().getPort();
		ping(ElasticsearchConnection.of(URI.create("http://rag-app:not%3Asecret@127.0.0.1:" + port)));
		ping(ElasticsearchConnection.of(URI.create("http://127.0.0.1:" + port)));
		assertThat(this.authorizations).containsExactly("Basic cmFnLWFwcDpub3Q6c2VjcmV0", "null");
	}

	@Test
	void neverShowsThePassword() {
		ElasticsearchConnection connection = ElasticsearchConnection
			.of(URI.create("https://rag-app:not-a-real-secret@es.example:9200"));
		assertThat(connection.toString()).isEqualTo("rag-app@https://es.example:9200/").doesNotContain("secret");
		assertThat(connection.root()).hasToString("https://es.example:9200/");
	}

	private static void ping(ElasticsearchConnection connection) throws Exception {
		try (ElasticsearchClient client = ElasticsearchClients.connect(connection)) {
			assertThat(client.ping().value()).isTrue();
		}
	}

}
