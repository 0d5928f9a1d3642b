package io.github.deepseekspring.model.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.deepseekspring.model.chat.BackendHint;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.cost.PeakHours;
import io.github.deepseekspring.model.resilience.NoBackendAvailableException;

/**
 * Decides which backends a request may use, in order of preference. Sensitive requests get the local runtime or a
 * {@link NoBackendAvailableException}; they are never sent to the remote API.
 */
public final class BackendRouter {

	private final RoutingMode mode;

	private final ChatBackend remote;

	private final ChatBackend local;

	private final Clock clock;

	private final Map<String, BackendKind> affinity = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, BackendKind> eldest) {
				return size() > MAX_REMEMBERED_CONVERSATIONS;
			}
		});

	private static final int MAX_REMEMBERED_CONVERSATIONS = 10_000;

	/**
	 * @param mode the routing mode
	 * @param remote the DeepSeek API backend, or {@code null} when not configured
	 * @param local the local runtime backend, or {@code null} when not configured
	 * @param clock decides peak hours in {@link RoutingMode#COST_AWARE}
	 */
	public BackendRouter(RoutingMode mode, ChatBackend remote, ChatBackend local, Clock clock) {
		this.mode = Objects.requireNonNull(mode);
		this.remote = remote;
		this.local = local;
		this.clock = Objects.requireNonNull(clock);
		if (remote == null && local == null) {
			throw new IllegalArgumentException("at least one backend (remote or local) must be configured");
		}
	}

	public RoutingMode mode() {
		return this.mode;
	}

	/** The backends to try for a request, most preferred first; never empty. */
	public List<ChatBackend> route(DeepSeekChatOptions options) {
		if (options.isSensitive()) {
			if (this.local == null) {
				throw new NoBackendAvailableException(
						"request is marked sensitive but no local backend is configured; it is never sent to the remote API");
			}
			if (!this.local.isAvailable()) {
				throw new NoBackendAvailableException(
						"request is marked sensitive but the local backend is down; it is never sent to the remote API");
			}
			return List.of(this.local);
		}
		BackendHint hint = options.getBackend() == null ? BackendHint.AUTO : options.getBackend();
		return switch (hint) {
			case REMOTE -> only(this.remote, "remote");
			case LOCAL -> only(this.local, "local");
			case AUTO -> withAffinity(byMode(), options.getConversationId());
		};
	}

	/**
	 * The backends to try for a chat request, most preferred first: those of {@link #route(DeepSeekChatOptions)} that
	 * serve it whole ({@link ChatBackend#refusal}).
	 * @throws UnsupportedRequestException when none does, naming why each refused
	 */
	public List<ChatBackend> route(BackendRequest request) {
		List<ChatBackend> order = route(request.options());
		List<ChatBackend> able = new ArrayList<>(order.size());
		List<String> refusals = new ArrayList<>(0);
		for (ChatBackend backend : order) {
			backend.refusal(request).ifPresentOrElse(why -> refusals.add(backend.kind().tag() + ": " + why),
					() -> able.add(backend));
		}
		if (able.isEmpty()) {
			throw new UnsupportedRequestException("No backend this request may go to can serve it as asked ("
					+ String.join("; ", refusals) + ")");
		}
		return able;
	}

	/**
	 * Remembers which backend answered a conversation, so its next turns go there first: the DeepSeek context cache
	 * and the model's own reasoning stay with one backend.
	 */
	public void answered(String conversationId, BackendKind kind) {
		if (conversationId != null) {
			this.affinity.put(conversationId, kind);
		}
	}

	private List<ChatBackend> withAffinity(List<ChatBackend> order, String conversationId) {
		BackendKind sticky = conversationId == null ? null : this.affinity.get(conversationId);
		if (sticky == null || order.size() < 2 || order.get(0).kind() == sticky) {
			return order;
		}
		List<ChatBackend> reordered = new ArrayList<>(order);
		for (ChatBackend backend : order) {
			if (backend.kind() == sticky && backend.isAvailable()) {
				reordered.remove(backend);
				reordered.add(0, backend);
			}
		}
		return reordered;
	}

	private List<ChatBackend> byMode() {
		return switch (this.mode) {
			case REMOTE -> only(this.remote, "remote");
			case LOCAL -> only(this.local, "local");
			case REMOTE_FIRST -> ordered(this.remote, this.local);
			case LOCAL_FIRST -> ordered(this.local, this.remote);
			case COST_AWARE -> preferLocalNow() ? ordered(this.local, this.remote) : ordered(this.remote, this.local);
		};
	}

	private boolean preferLocalNow() {
		return this.local != null && this.local.isAvailable() && this.local.hasCapacity()
				&& PeakHours.isPeak(this.clock.instant());
	}

	private static List<ChatBackend> only(ChatBackend backend, String name) {
		if (backend == null) {
			throw new NoBackendAvailableException("the " + name + " backend is not configured");
		}
		return List.of(backend);
	}

	private static List<ChatBackend> ordered(ChatBackend first, ChatBackend second) {
		List<ChatBackend> order = new ArrayList<>(2);
		if (first != null && first.isAvailable()) {
			order.add(first);
		}
		if (second != null) {
			order.add(second);
		}
		if (first != null && !first.isAvailable()) {
			order.add(first);
		}
		return order;
	}

}
