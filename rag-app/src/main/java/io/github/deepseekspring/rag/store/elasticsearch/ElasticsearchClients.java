package io.github.deepseekspring.rag.store.elasticsearch;

import java.net.URI;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.HttpHost;

/** Builds an {@link ElasticsearchClient} that speaks JSON through Jackson 3, the project's only Jackson. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /** A client for the cluster at {@code uri} (e.g. {@code http://localhost:9200}); close its transport when done. */
    public static ElasticsearchClient connect(URI uri) {
        Rest5Client restClient = Rest5Client.builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort())).build();
        return new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper()));
    }
}
