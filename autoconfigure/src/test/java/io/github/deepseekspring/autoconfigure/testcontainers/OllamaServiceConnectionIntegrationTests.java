package io.github.deepseekspring.autoconfigure.testcontainers;

import io.github.deepseekspring.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekspring.local.LocalRuntime;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.ollama.OllamaContainer;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ServiceConnection OllamaContainer} configures the local backend. Needs a Docker engine: skipped where
 * none answers (as on this project's CI machines).
 */
@EnabledIf(value = "dockerAnswers", disabledReason = "no Docker engine answers; the Ollama container cannot start")
@SpringBootTest(classes = OllamaServiceConnectionIntegrationTests.Containers.class)
class OllamaServiceConnectionIntegrationTests {

	static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Autowired
	LocalRuntime runtime;

	@Test
	void theLocalRuntimeTalksToTheContainer() {
		assertThat(this.runtime.version()).isNotBlank();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DeepSeekAutoConfiguration.class)
	static class Containers {

		@Bean
		@ServiceConnection
		OllamaContainer ollama() {
			return new OllamaContainer("ollama/ollama:0.5.7");
		}

	}

}
