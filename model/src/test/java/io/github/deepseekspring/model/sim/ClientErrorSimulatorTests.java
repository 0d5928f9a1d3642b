package io.github.deepseekspring.model.sim;

import java.time.Duration;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.local.LocalRuntimePort;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.routing.RoutingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request the API refuses as malformed (400) or with invalid parameters (422) would fail the same everywhere: it is
 * neither retried nor sent to the local runtime, as both simulators' request counts show.
 */
class ClientErrorSimulatorTests extends LocalRuntimeSimulatorSupport {

	@ParameterizedTest
	@CsvSource({ "400, false", "400, true", "422, false", "422, true" })
	void isNeitherRetriedNorFailedOver(int status, boolean streamed) {
		DeepSeekChatModel model = DeepSeekChatModel.builder()
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.local(new LocalRuntimePort(runtime), "deepseek-r1:7b", null, 4)
			.routingMode(RoutingMode.REMOTE_FIRST)
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(10), 2, 0.5, Duration.ofSeconds(30)))
			.build();
		sim.faults().failNext(3, status);
		Prompt prompt = new Prompt("a request the API refuses");

		assertThatThrownBy(() -> {
			if (streamed) {
				model.stream(prompt).blockLast();
			}
			else {
				model.call(prompt);
			}
		}).isInstanceOfSatisfying(DeepSeekApiException.class, error -> assertThat(error.status()).isEqualTo(status));
		assertThat(sim.requests().count("/chat/completions")).as("not retried").isEqualTo(1);
		assertThat(ollama.requests().count("/api/chat")).as("not failed over").isZero();
	}

}
