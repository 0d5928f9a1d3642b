package io.github.deepseekspring.rag.app.replicas;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import io.github.deepseekspring.testkit.postgres.TestPostgres;

/**
 * Two instances of the app on this machine, deployed as behind a load balancer: one PostgreSQL database, one
 * Elasticsearch index (a unique alias), one install secret, one DeepSeek API (the simulator), and a data directory
 * each. Started once per JVM on first use and shared by the tests that need them (each takes its own documents and
 * questions); stopped when the JVM exits. Without a PostgreSQL the calling test is skipped, or fails where
 * {@code POSTGRES_TESTS_REQUIRED} is set (see {@link TestPostgres#shared()}).
 */
final class TwoReplicas {

	static final String ADMIN_PASSWORD = "test-admin-password";

	/** A support agent both replicas know (a second one, {@code wang.wei}, has the same password). */
	static final String AGENT = "li.na";

	static final String AGENT_PASSWORD = "test-agent-password";

	/** Accepted by both replicas; the code assistant's daily budget of 1 token is spent by one call. */
	static final String API_KEY = "replica-test-key-not-secret";

	/** Shared like the Kubernetes Secret shares it: it signs the chat cookie and keys the client hashes. */
	private static final String INSTALL_SECRET = "replica-test-install-secret-not-a-real-one";

	private static TwoReplicas shared;

	private final Replica a;

	private final Replica b;

	private final DeepSeekSimulator deepseek;

	private TwoReplicas(Replica a, Replica b, DeepSeekSimulator deepseek) {
		this.a = a;
		this.b = b;
		this.deepseek = deepseek;
	}

	static synchronized TwoReplicas shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	private static TwoReplicas start() {
		TestPostgres.Database database = TestPostgres.shared().newDatabase("replicas");
		DeepSeekSimulator deepseek = DeepSeekSimulator.start();
		Map<String, String> settings = new HashMap<>();
		database.springProperties().forEach((key, value) -> settings.put(key, value.toString()));
		settings.put("spring.elasticsearch.uris", TestElasticsearch.shared().httpUri().toString());
		settings.put("deepseek.rag.store", "elasticsearch");
		settings.put("deepseek.rag.elasticsearch.alias", "kb-replicas-" + UUID.randomUUID());
		settings.put("deepseek.rag.sample-data", "false");
		settings.put("deepseek.rag.security.secret", INSTALL_SECRET);
		settings.put("deepseek.rag.admin.password", ADMIN_PASSWORD);
		settings.put("deepseek.rag.agents[0].username", AGENT);
		settings.put("deepseek.rag.agents[0].password", AGENT_PASSWORD);
		settings.put("deepseek.rag.agents[0].display-name", "Li Na");
		settings.put("deepseek.rag.agents[1].username", "wang.wei");
		settings.put("deepseek.rag.agents[1].password", AGENT_PASSWORD);
		settings.put("deepseek.rag.api-keys", API_KEY);
		settings.put("deepseek.rag.code.daily-token-budget", "1");
		settings.put("deepseek.base-url", deepseek.baseUrl().toString());
		settings.put("deepseek.api-key", deepseek.apiKey());
		settings.put("deepseek.retry.max-attempts", "1");
		settings.put("server.port", "0");
		Path dataDirs = Path.of("target", "replicas", UUID.randomUUID().toString());
		Replica a = Replica.start("A", with(settings, "deepseek.rag.data-dir", dataDirs.resolve("a").toString()));
		Replica b = Replica.start("B", with(settings, "deepseek.rag.data-dir", dataDirs.resolve("b").toString()));
		Runtime.getRuntime().addShutdownHook(new Thread(deepseek::close, "replicas-deepseek-simulator-stop"));
		return new TwoReplicas(a, b, deepseek);
	}

	private static Map<String, String> with(Map<String, String> settings, String key, String value) {
		Map<String, String> copy = new HashMap<>(settings);
		copy.put(key, value);
		return copy;
	}

	Replica a() {
		return this.a;
	}

	Replica b() {
		return this.b;
	}

	/** The DeepSeek API both replicas call: script answers, read what each replica sent. */
	DeepSeekSimulator deepseek() {
		return this.deepseek;
	}

}
