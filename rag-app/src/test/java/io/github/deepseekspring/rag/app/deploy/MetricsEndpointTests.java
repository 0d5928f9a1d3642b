package io.github.deepseekspring.rag.app.deploy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.model.metrics.DeepSeekMetrics;
import io.github.deepseekspring.model.routing.BackendKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deployment relies on from the running app: probes open to the orchestrator, /actuator/prometheus for the
 * admin only, and every metric the shipped Grafana dashboard queries present in a real scrape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.admin.password=test-admin-password" })
class MetricsEndpointTests {

	private static final Path DASHBOARD = DeploymentFiles.ROOT.resolve("deploy/grafana/dashboards/deepseek-rag.json");

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:metrics-endpoint-tests");
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	MeterRegistry registry;

	private RestClient client(boolean admin) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> {
				if (admin) {
					headers.setBasicAuth("admin", "test-admin-password");
				}
			})
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	@Test
	void probesAnswerWithoutCredentials() {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			ResponseEntity<String> response = client(false).get().uri(probe).retrieve().toEntity(String.class);
			assertThat(response.getStatusCode().value()).as(probe).isEqualTo(200);
			assertThat(response.getBody()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void prometheusNeedsTheAdmin() {
		ResponseEntity<String> anonymous = client(false).get().uri("/actuator/prometheus").retrieve()
			.toEntity(String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getBody()).doesNotContain("jvm_");
		ResponseEntity<String> wrong = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", "not-the-password"))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build()
			.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.toEntity(String.class);
		assertThat(wrong.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void everyMetricOfTheDashboardIsScraped() throws IOException {
		// Traffic for the HTTP histogram and one of each model event, recorded through the app's registry as the
		// starter's model layer does.
		client(false).get().uri("/actuator/health").retrieve().toBodilessEntity();
		DeepSeekMetrics metrics = new DeepSeekMetrics(this.registry);
		metrics.success(BackendKind.REMOTE, "deepseek-flash");
		metrics.error(BackendKind.LOCAL, "deepseek-r1:7b", new IllegalStateException("connection refused"));
		metrics.failover(BackendKind.LOCAL, BackendKind.REMOTE);
		metrics.timeToFirstToken(BackendKind.REMOTE, "deepseek-flash", Duration.ofMillis(420));
		metrics.usage(BackendKind.REMOTE, "deepseek-flash",
				new DeepSeekUsage(100, 20, 60, 40, 5, new BigDecimal("0.002"), null));

		ResponseEntity<String> scrape = client(true).get().uri("/actuator/prometheus").retrieve()
			.toEntity(String.class);
		assertThat(scrape.getStatusCode().value()).isEqualTo(200);
		Set<String> scraped = new TreeSet<>();
		for (String line : scrape.getBody().split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				scraped.add(line.replaceAll("[{ ].*", ""));
			}
		}
		Set<String> queried = metricNames(Files.readString(DASHBOARD));
		assertThat(queried).contains("http_server_requests_seconds_bucket", "deepseek_requests_total",
				"deepseek_ttft_seconds_bucket", "deepseek_tokens_total", "deepseek_cost_CNY_total",
				"deepseek_failovers_total");
		assertThat(scraped).containsAll(queried);
		// The dashboard selects on the application tag every meter carries.
		assertThat(scrape.getBody()).contains("application=\"deepseek-rag-app\"");
	}

	/** Metric names in the dashboard's PromQL: identifiers directly followed by a label selector. */
	static Set<String> metricNames(String dashboardJson) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\{").matcher(dashboardJson);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
