package io.github.deepseekspring.model.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.deepseekspring.model.chat.BackendHint;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.resilience.NoBackendAvailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendRouterTests {

	private static final Clock PEAK = Clock.fixed(Instant.parse("2026-11-25T02:30:00Z"), ZoneOffset.UTC); // Wed 10:30 Beijing

	private static final Clock OFF_PEAK = Clock.fixed(Instant.parse("2026-11-25T14:00:00Z"), ZoneOffset.UTC); // Wed 22:00

	private final FakeBackend remote = new FakeBackend(BackendKind.REMOTE);

	private final FakeBackend local = new FakeBackend(BackendKind.LOCAL);

	private static final DeepSeekChatOptions PLAIN = DeepSeekChatOptions.builder().build();

	@Test
	void fixedAndOrderedModes() {
		assertThat(new BackendRouter(RoutingMode.REMOTE, remote, local, PEAK).route(PLAIN)).containsExactly(remote);
		assertThat(new BackendRouter(RoutingMode.LOCAL, remote, local, PEAK).route(PLAIN)).containsExactly(local);
		assertThat(new BackendRouter(RoutingMode.REMOTE_FIRST, remote, local, PEAK).route(PLAIN)).containsExactly(remote, local);
		assertThat(new BackendRouter(RoutingMode.LOCAL_FIRST, remote, local, PEAK).route(PLAIN)).containsExactly(local, remote);
	}

	@Test
	void costAwarePrefersLocalAtPeakWhileItHasCapacity() {
		assertThat(new BackendRouter(RoutingMode.COST_AWARE, remote, local, PEAK).route(PLAIN)).containsExactly(local, remote);
		assertThat(new BackendRouter(RoutingMode.COST_AWARE, remote, local, OFF_PEAK).route(PLAIN)).containsExactly(remote, local);
		local.capacity(false);
		assertThat(new BackendRouter(RoutingMode.COST_AWARE, remote, local, PEAK).route(PLAIN)).containsExactly(remote, local);
		local.capacity(true).available(false);
		assertThat(new BackendRouter(RoutingMode.COST_AWARE, remote, local, PEAK).route(PLAIN)).first().isEqualTo(remote);
	}

	@Test
	void downBackendMovesToTheEndOfAnOrderedMode() {
		remote.available(false);
		assertThat(new BackendRouter(RoutingMode.REMOTE_FIRST, remote, local, PEAK).route(PLAIN)).containsExactly(local, remote);
	}

	@Test
	void sensitiveRequestsGoLocalOnlyOrFailClearly() {
		DeepSeekChatOptions sensitive = DeepSeekChatOptions.builder().sensitive(true).build();
		assertThat(new BackendRouter(RoutingMode.REMOTE, remote, local, PEAK).route(sensitive)).containsExactly(local);
		assertThatThrownBy(() -> new BackendRouter(RoutingMode.REMOTE, remote, null, PEAK).route(sensitive))
			.isInstanceOf(NoBackendAvailableException.class)
			.hasMessageContaining("sensitive")
			.hasMessageContaining("never sent to the remote API");
		local.available(false);
		assertThatThrownBy(() -> new BackendRouter(RoutingMode.REMOTE_FIRST, remote, local, PEAK).route(sensitive))
			.isInstanceOf(NoBackendAvailableException.class);
	}

	@Test
	void backendHintOverridesTheMode() {
		DeepSeekChatOptions wantsLocal = DeepSeekChatOptions.builder().backend(BackendHint.LOCAL).build();
		assertThat(new BackendRouter(RoutingMode.REMOTE_FIRST, remote, local, PEAK).route(wantsLocal)).containsExactly(local);
		assertThatThrownBy(() -> new BackendRouter(RoutingMode.REMOTE, remote, null, PEAK).route(wantsLocal))
			.isInstanceOf(NoBackendAvailableException.class);
	}

	@Test
	void modeNamesParseWithDashes() {
		assertThat(RoutingMode.parse("cost-aware")).isEqualTo(RoutingMode.COST_AWARE);
		assertThat(RoutingMode.parse("remote-first")).isEqualTo(RoutingMode.REMOTE_FIRST);
	}

	@Test
	void conversationStaysOnTheBackendThatAnsweredIt() {
		BackendRouter router = new BackendRouter(RoutingMode.COST_AWARE, remote, local, PEAK);
		DeepSeekChatOptions conversation = DeepSeekChatOptions.builder().conversationId("c-1").build();
		assertThat(router.route(conversation)).containsExactly(local, remote);
		router.answered("c-1", BackendKind.REMOTE);
		assertThat(router.route(conversation)).containsExactly(remote, local);
		assertThat(router.route(PLAIN)).containsExactly(local, remote);
	}

}
