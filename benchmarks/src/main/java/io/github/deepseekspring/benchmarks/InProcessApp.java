package io.github.deepseekspring.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.deepseekspring.rag.app.RagApplication;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole app started in the benchmark's JVM on a random port, in front of a DeepSeek simulator, with the embedded
 * Lucene store under {@code dataDir} and an in-memory H2 database of its own. The per-client limits are off: every
 * simulated customer comes from one address, and the limits would refuse most of a load test (a benchmark that
 * measures them turns them on in {@code overrides}).
 */
final class InProcessApp {

	private InProcessApp() {
	}

	static ConfigurableApplicationContext start(DeepSeekSimulator simulator, String name, Path dataDir,
			Map<String, String> overrides) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("deepseek.base-url", simulator.baseUrl().toString());
		properties.put("deepseek.api-key", simulator.apiKey());
		properties.put("deepseek.rag.store", "lucene");
		properties.put("deepseek.rag.data-dir", dataDir.toString());
		properties.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		properties.put("deepseek.rag.admin.password", "bench-admin-not-secret");
		properties.put("deepseek.rag.limits.enabled", "false");
		properties.put("logging.level.root", "WARN");
		properties.putAll(overrides);
		return new SpringApplicationBuilder(RagApplication.class).properties(properties).run();
	}

	/** The base URL of the started app. */
	static String baseUrl(ConfigurableApplicationContext app) {
		return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
	}

}
