package io.github.deepseekspring.model.sim;

import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One DeepSeek simulator per test class, reset before each test. */
abstract class DeepSeekSimulatorSupport {

	static DeepSeekSimulator sim;

	@BeforeAll
	static void startSimulator() {
		sim = DeepSeekSimulator.start();
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void resetSimulator() {
		sim.reset();
	}

}
