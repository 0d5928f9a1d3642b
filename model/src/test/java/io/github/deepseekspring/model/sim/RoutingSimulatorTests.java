package io.github.deepseekspring.model.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.model.api.DeepSeekTransportException;
import io.github.deepseekspring.model.chat.BackendHint;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.resilience.NoBackendAvailableException;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.deepseekspring.model.routing.FakeBackend;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routing modes and failover of {@link DeepSeekChatModel} with the DeepSeek simulator as the remote backend and a
 * scripted local backend.
 */
class RoutingSimulatorTests extends DeepSeekSimulatorSupport {

	static final Clock PEAK = Clock.fixed(Instant.parse("2026-11-25T02:30:00Z"), ZoneOffset.UTC); // Wed 10:30 Beijing

	static final Clock NIGHT = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC); // Wed 23:00 Beijing

	private final FakeBackend local = new FakeBackend(BackendKind.LOCAL);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private DeepSeekChatModel model(RoutingMode mode, Clock clock) {
		return DeepSeekChatModel.builder()
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.local(this.local)
			.routingMode(mode)
			.clock(clock)
			.retryPolicy(RetryPolicy.none())
			.timeouts(new StreamTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(5)))
			.meterRegistry(this.registry)
			.build();
	}

	private static String text(ChatResponse response) {
		return response.getResult().getOutput().getText();
	}

	@Test
	void remoteModeUsesOnlyTheApi() {
		assertThat(text(model(RoutingMode.REMOTE, PEAK).call(new Prompt("ping")))).contains("ping");
		assertThat(local.attempts()).isZero();
	}

	@Test
	void localModeNeverCallsTheApi() {
		assertThat(text(model(RoutingMode.LOCAL, PEAK).call(new Prompt("ping")))).isEqualTo("local");
		assertThat(sim.requests().count()).isZero();
	}

	@Test
	void remoteFirstFailsOverToLocalWhenTheApiIsDown() {
		sim.faults().down();
		try {
			List<ChatResponse> chunks = model(RoutingMode.REMOTE_FIRST, PEAK).stream(new Prompt("ping")).collectList().block();
			assertThat(chunks).extracting(RoutingSimulatorTests::text).containsExactly("local");
			assertThat(registry.get("deepseek.failovers").tag("from", "remote").tag("to", "local").counter().count()).isEqualTo(1);
		}
		finally {
			sim.faults().up();
		}
	}

	@Test
	void remoteFirstFailsOverWhenTheApiStallsBeforeTheFirstToken() {
		sim.faults().hangNext(1, Duration.ofSeconds(3));
		List<ChatResponse> chunks = model(RoutingMode.REMOTE_FIRST, PEAK).stream(new Prompt("ping")).collectList().block();
		assertThat(chunks).extracting(RoutingSimulatorTests::text).containsExactly("local");
	}

	@Test
	void localFirstFailsOverToTheApiBeforeTheFirstToken() {
		local.thenFail(new DeepSeekTransportException("local runtime unreachable"));
		String answer = model(RoutingMode.LOCAL_FIRST, PEAK).stream(new Prompt("ping"))
			.map(RoutingSimulatorTests::text)
			.reduce("", String::concat)
			.block();
		assertThat(answer).contains("ping");
		assertThat(sim.requests().count("/chat/completions")).isEqualTo(1);
	}

	@Test
	void noFailoverAfterTheFirstTokenTheStreamEndsWithAnError() {
		sim.faults().cutAfterChunks(3);
		List<ChatResponse> delivered = new ArrayList<>();
		assertThatThrownBy(() -> model(RoutingMode.REMOTE_FIRST, PEAK)
			.stream(new Prompt("a long answer please " + "z ".repeat(40)))
			.doOnNext(delivered::add)
			.blockLast()).isInstanceOf(DeepSeekTransportException.class);
		assertThat(delivered).isNotEmpty();
		assertThat(local.attempts()).as("never silently restarted on the other backend").isZero();
	}

	@Test
	void costAwarePrefersLocalAtPeakAndTheApiOffPeak() {
		assertThat(text(model(RoutingMode.COST_AWARE, PEAK).call(new Prompt("ping")))).isEqualTo("local");
		assertThat(sim.requests().count()).isZero();
		assertThat(text(model(RoutingMode.COST_AWARE, NIGHT).call(new Prompt("ping")))).contains("ping");
		local.capacity(false);
		assertThat(text(model(RoutingMode.COST_AWARE, PEAK).call(new Prompt("ping")))).as("local saturated").contains("ping");
	}

	@Test
	void sensitiveRequestsStayLocalOrFailClearly() {
		DeepSeekChatOptions sensitive = DeepSeekChatOptions.builder().sensitive(true).build();
		assertThat(text(model(RoutingMode.REMOTE, PEAK).call(new Prompt("my id number is 123", sensitive)))).isEqualTo("local");

		local.available(false);
		assertThatThrownBy(() -> model(RoutingMode.REMOTE_FIRST, PEAK).call(new Prompt("my id number is 123", sensitive)))
			.isInstanceOf(NoBackendAvailableException.class)
			.hasMessageContaining("sensitive");
		local.available(true).thenFail(new DeepSeekTransportException("local runtime unreachable"));
		assertThatThrownBy(() -> model(RoutingMode.REMOTE_FIRST, PEAK).call(new Prompt("my id number is 123", sensitive)))
			.isInstanceOf(DeepSeekTransportException.class);
		assertThat(sim.requests().count()).as("a sensitive request never reached the API").isZero();
	}

	@Test
	void backendHintOverridesTheMode() {
		DeepSeekChatOptions wantsRemote = DeepSeekChatOptions.builder().backend(BackendHint.REMOTE).build();
		assertThat(text(model(RoutingMode.LOCAL_FIRST, PEAK).call(new Prompt("ping", wantsRemote)))).contains("ping");
		assertThat(local.attempts()).isZero();
	}

}
