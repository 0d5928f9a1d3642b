package io.github.deepseekspring.local.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.deepseekspring.local.LocalProtocol;
import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimeException;
import io.github.deepseekspring.local.RuntimeUnreachableException;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.Embeddings;
import io.github.deepseekspring.local.chat.GenerateRequest;
import io.github.deepseekspring.local.chat.GenerateResponse;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.local.models.ModelDetails;
import io.github.deepseekspring.local.models.ModelInfo;
import io.github.deepseekspring.local.models.PullProgress;
import io.github.deepseekspring.local.models.RunningModel;
import io.github.deepseekspring.local.transport.StreamPublisher;

/**
 * A {@link LocalRuntime} over one or more endpoints speaking one protocol. Requests go to the endpoint the
 * {@link EndpointPicker} chooses; a failure that may pass elsewhere (unreachable, 5xx, model missing, first-token
 * timeout) is retried on another endpoint, but never once a stream has delivered its first chunk.
 */
public final class PooledLocalRuntime implements LocalRuntime {

	private final List<EndpointState> states;
	private final EndpointPicker picker;
	private final EndpointProtocol protocol;
	private final HealthChecker health;
	private final ExecutorService workers;
	private final ScheduledExecutorService timer;
	private final String defaultModel;

	public PooledLocalRuntime(List<Endpoint> endpoints, EndpointProtocol protocol, String defaultModel,
			Duration healthInterval, ExecutorService workers, ScheduledExecutorService timer) {
		if (endpoints.isEmpty()) {
			throw new IllegalArgumentException("a local runtime needs at least one endpoint");
		}
		this.states = endpoints.stream().map(EndpointState::new).toList();
		this.picker = new EndpointPicker(states);
		this.protocol = protocol;
		this.defaultModel = defaultModel;
		this.workers = workers;
		this.timer = timer;
		this.health = new HealthChecker(states, protocol, workers);
		health.start(timer, healthInterval);
	}

	@Override
	public LocalChatResponse chat(ChatRequest request) {
		ChatRequest resolved = request.withModel(model(request.model()));
		return withRetry(resolved.model(), resolved.affinityKey(), state -> protocol.chat(state.url(), resolved));
	}

	@Override
	public Flow.Publisher<LocalChatChunk> chatStream(ChatRequest request) {
		ChatRequest resolved = request.withModel(model(request.model()));
		return new StreamPublisher<>(workers, new PooledChatStream(picker, resolved.model(), resolved.affinityKey(),
				url -> protocol.chatStream(url, resolved)));
	}

	@Override
	public GenerateResponse generate(GenerateRequest request) {
		GenerateRequest resolved = request.withModel(model(request.model()));
		return withRetry(resolved.model(), resolved.affinityKey(), state -> protocol.generate(state.url(), resolved));
	}

	@Override
	public Flow.Publisher<LocalChatChunk> generateStream(GenerateRequest request) {
		GenerateRequest resolved = request.withModel(model(request.model()));
		return new StreamPublisher<>(workers, new PooledChatStream(picker, resolved.model(), resolved.affinityKey(),
				url -> protocol.generateStream(url, resolved)));
	}

	@Override
	public Embeddings embed(String model, List<String> inputs) {
		String name = model(model);
		return withRetry(name, null, state -> protocol.embed(state.url(), name, inputs));
	}

	/** The union over up endpoints, first occurrence wins. */
	@Override
	public List<ModelInfo> models() {
		Map<String, ModelInfo> byName = new LinkedHashMap<>();
		forEachUp(state -> protocol.models(state.url()).forEach(model -> byName.putIfAbsent(model.name(), model)));
		return List.copyOf(byName.values());
	}

	@Override
	public ModelDetails show(String model) {
		String name = model(model);
		return withRetry(name, null, state -> protocol.show(state.url(), name));
	}

	/** Pulls onto every up endpoint so the whole pool can serve the model. */
	@Override
	public void pull(String model, Consumer<PullProgress> progress) {
		String name = model(model);
		forEachUp(state -> {
			protocol.pull(state.url(), name, progress);
			health.check(state);
		});
	}

	@Override
	public void delete(String model) {
		String name = model(model);
		forEachUp(state -> {
			if (state.serves(name)) {
				protocol.delete(state.url(), name);
				health.check(state);
			}
		});
	}

	@Override
	public List<RunningModel> running() {
		List<RunningModel> all = new ArrayList<>();
		forEachUp(state -> all.addAll(protocol.running(state.url())));
		return all;
	}

	@Override
	public String version() {
		return withRetry(null, null, state -> protocol.version(state.url()));
	}

	@Override
	public boolean isUp() {
		return states.stream().anyMatch(EndpointState::isUp);
	}

	@Override
	public List<EndpointStatus> endpoints() {
		return states.stream().map(EndpointState::snapshot).toList();
	}

	/** Runs the health checks now instead of waiting for the next round (tests, status pages). */
	public void checkHealthNow() {
		states.forEach(health::check);
	}

	@Override
	public String defaultModel() {
		return defaultModel;
	}

	@Override
	public LocalProtocol protocol() {
		return protocol.protocol();
	}

	@Override
	public void close() {
		health.close();
		workers.shutdownNow();
		timer.shutdownNow();
	}

	private String model(String requested) {
		String model = requested != null ? requested : defaultModel;
		if (model == null) {
			throw new IllegalArgumentException("no model in the request and no default model configured");
		}
		return model;
	}

	private void forEachUp(Consumer<EndpointState> action) {
		List<EndpointState> up = states.stream().filter(EndpointState::isUp).toList();
		for (EndpointState state : up.isEmpty() ? states : up) {
			action.accept(state);
		}
	}

	private <T> T withRetry(String model, String affinityKey, Function<EndpointState, T> call) {
		Set<EndpointState> tried = new HashSet<>();
		LocalRuntimeException last = null;
		for (EndpointState state = picker.pick(model, affinityKey, tried); state != null; state = picker.pick(model,
				affinityKey, tried)) {
			tried.add(state);
			state.inFlight.incrementAndGet();
			try {
				return call.apply(state);
			}
			catch (LocalRuntimeException e) {
				noteFailure(state, e);
				if (!e.isRetryable()) {
					throw e;
				}
				last = e;
			}
			finally {
				state.inFlight.decrementAndGet();
			}
		}
		throw last;
	}

	static void noteFailure(EndpointState state, LocalRuntimeException e) {
		if (e instanceof RuntimeUnreachableException) {
			state.markDown(e.getMessage());
		}
	}

}
