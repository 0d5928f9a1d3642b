package io.github.deepseekspring.rag.store.elasticsearch;

import java.net.URI;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;

/** Builds an {@link ElasticsearchClient} that speaks JSON through Jackson 3, the project's only Jackson. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /** A client for the cluster at {@code uri} (e.g. {@code http://localhost:9200}); close its transport when done. */
    public static ElasticsearchClient connect(URI uri) {
        return connect(ElasticsearchConnection.of(uri));
    }

    /** A client for the cluster, signing in with the connection's user when it has one. */
    public static ElasticsearchClient connect(ElasticsearchConnection connection) {
        URI uri = connection.uri();
        Rest5ClientBuilder builder = Rest5Client.builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()));
        connection.basicAuthorization()
            .ifPresent((value) -> builder.setDefaultHeaders(new Header[] { new BasicHeader(HttpHeaders.AUTHORIZATION, value) }));
        return new ElasticsearchClient(new Rest5ClientTransport(builder.build(), new Jackson3JsonpMapper()));
    }
}
