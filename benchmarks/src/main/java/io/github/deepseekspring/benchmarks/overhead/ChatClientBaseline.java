package io.github.deepseekspring.benchmarks.overhead;

import java.net.URI;

import org.springframework.ai.chat.client.ChatClient;

/**
 * Another chat model starter measured beside ours in {@code ModelOverheadBenchmark}, found with
 * {@link java.util.ServiceLoader}: the module that brings it (and its dependencies, which must not meet the
 * benchmarks module's own, such as two versions of the OpenAI SDK) provides one. It gets the same simulator and asks
 * it for the same non-thinking answer.
 */
public interface ChatClientBaseline extends AutoCloseable {

	/** Its name in the report, e.g. "Spring AI OpenAI starter". */
	String name();

	/**
	 * Starts the starter (its auto-configuration, as an application would) against the simulator.
	 * @param baseUrl the DeepSeek simulator
	 * @param apiKey its key
	 * @param model the model to ask for
	 * @return a client whose prompts ask without thinking
	 */
	ChatClient start(URI baseUrl, String apiKey, String model);

	@Override
	void close();

}
