package io.github.deepseekspring.model.sim;

import java.time.Duration;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Both simulators: the DeepSeek API's, and an Ollama one per test class with a fresh local-runtime client per test,
 * since a test that takes the runtime down leaves the client's endpoint marked down.
 */
abstract class LocalRuntimeSimulatorSupport extends DeepSeekSimulatorSupport {

	static OllamaSimulator ollama;

	LocalRuntime runtime;

	@BeforeAll
	static void startOllama() {
		ollama = OllamaSimulator.start();
	}

	@AfterAll
	static void stopOllama() {
		ollama.close();
	}

	@BeforeEach
	void connectToOllama() {
		ollama.reset();
		this.runtime = LocalRuntimes.builder().endpoint(ollama.baseUrl().toString()).healthCheckInterval(Duration.ZERO).build();
	}

	@AfterEach
	void disconnectFromOllama() {
		this.runtime.close();
	}

}
