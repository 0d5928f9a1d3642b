package io.github.deepseekspring.autoconfigure.actuate;

import java.time.Duration;
import java.util.Map;

import io.github.deepseekspring.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Health indicators and the /actuator/deepseek endpoint against the simulators. */
class DeepSeekActuatorAutoConfigurationsTests {

	static final DeepSeekSimulator deepseek = DeepSeekSimulator.start();

	static final OllamaSimulator ollama = OllamaSimulator.start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DeepSeekAutoConfiguration.class, DeepSeekHealthAutoConfiguration.class,
						DeepSeekEndpointAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withPropertyValues("deepseek.base-url=" + deepseek.baseUrl(), "deepseek.api-key=" + deepseek.apiKey(),
				"deepseek.local.base-url=" + ollama.baseUrl());

	@AfterAll
	static void stop() {
		deepseek.close();
		ollama.close();
	}

	@Test
	void remoteHealthReportsTheBalanceAndAnExhaustedOneAsAWarning() {
		this.runner.run((context) -> {
			Health health = context.getBean(DeepSeekHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("balanceAvailable").doesNotContainValue(deepseek.apiKey());
		});
		deepseek.withBalance("0.00", false);
		try {
			this.runner.run((context) -> {
				Health health = context.getBean(DeepSeekHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsKey("warning");
			});
		}
		finally {
			deepseek.reset();
		}
	}

	@Test
	void localHealthShowsEachEndpoint() {
		this.runner.run((context) -> {
			LocalRuntimeHealthIndicator indicator = context.getBean(LocalRuntimeHealthIndicator.class);
			Health health = indicator.health();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (health.getStatus() != Status.UP && System.nanoTime() < deadline) {
				Thread.sleep(50);
				health = indicator.health();
			}
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("endpoints").toString()).contains(ollama.baseUrl().toString());
		});
	}

	@Test
	void aRefusedKeyIsNamedInNoHealthDetailNorEndpointOutput() {
		String revoked = "sk-test-revoked-dummy-key-4711";
		this.runner.withPropertyValues("deepseek.api-key=" + revoked, "spring.jmx.enabled=true",
				"management.endpoints.jmx.exposure.include=deepseek").run((context) -> {
			Health health = context.getBean(DeepSeekHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.toString()).contains("401").doesNotContain(revoked);
			assertThat(context.getBean(DeepSeekEndpoint.class).status().toString()).doesNotContain(revoked);
		});
	}

	@Test
	void endpointShowsRoutingCircuitsAndTotalsWithoutTheKey() {
		this.runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=deepseek").run((context) -> {
			Map<String, Object> status = context.getBean(DeepSeekEndpoint.class).status();
			assertThat(status).containsEntry("routingMode", "remote-first").containsKey("backends");
			assertThat(status.toString()).contains("CLOSED").doesNotContain(deepseek.apiKey());
		});
	}

}
