package io.github.deepseekspring.testkit.elasticsearch;

import java.net.URI;
import java.util.Objects;

/**
 * A real Elasticsearch 9.x for tests, started at most once per JVM and shared by every test that asks for it.
 *
 * <p>Where it comes from, in this order:
 * <ol>
 * <li>the {@code ES_URL} environment variable (or the {@code deepseek.testkit.elasticsearch.url} system
 * property): an Elasticsearch you run yourself;</li>
 * <li>Testcontainers' {@code ElasticsearchContainer}, when Testcontainers is on the classpath and a Docker engine
 * answers;</li>
 * <li>the official distribution {@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip}, which
 * Maven resolves as a dependency of this testkit, unpacked once and started as a child process (single node,
 * security off, small heap, as an unprivileged user when the JVM runs as root, since Elasticsearch refuses root).
 * It is stopped when the JVM exits, and a watchdog stops it even when the JVM is killed.</li>
 * </ol>
 *
 * <pre>{@code
 * URI es = TestElasticsearch.shared().httpUri();
 * }</pre>
 */
public final class TestElasticsearch {

	private static TestElasticsearch shared;

	private final URI httpUri;

	private final String provisionedBy;

	TestElasticsearch(URI httpUri, String provisionedBy) {
		this.httpUri = Objects.requireNonNull(httpUri, "httpUri");
		this.provisionedBy = Objects.requireNonNull(provisionedBy, "provisionedBy");
	}

	/**
	 * The Elasticsearch shared by every test of this JVM, provisioned on first use.
	 * @return a running, healthy (yellow or green) Elasticsearch
	 * @throws IllegalStateException when none can be found or started, with the reason and the log tail
	 */
	public static synchronized TestElasticsearch shared() {
		if (shared == null) {
			shared = ElasticsearchProvisioning.provision();
		}
		return shared;
	}

	/** @return the HTTP address, such as {@code http://127.0.0.1:41234} */
	public URI httpUri() {
		return this.httpUri;
	}

	/** @return how this instance was provisioned: {@code ES_URL}, {@code testcontainers} or {@code distribution} */
	public String provisionedBy() {
		return this.provisionedBy;
	}

	@Override
	public String toString() {
		return "TestElasticsearch[" + this.httpUri + " via " + this.provisionedBy + "]";
	}

}
