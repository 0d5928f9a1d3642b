package io.github.deepseekspring.local.pool;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.deepseekspring.local.models.ModelInfo;
import io.github.deepseekspring.local.models.RunningModel;

/**
 * Probes every endpoint in the background ({@code /api/version} or {@code /v1/models}), refreshing its model list and
 * loaded models, marking it down when it fails and up again when it answers. Endpoints are probed in parallel so one
 * hanging box does not delay the others.
 */
final class HealthChecker implements AutoCloseable {

	private final List<EndpointState> states;
	private final EndpointProtocol protocol;
	private final Executor workers;
	private ScheduledFuture<?> schedule;

	HealthChecker(List<EndpointState> states, EndpointProtocol protocol, Executor workers) {
		this.states = states;
		this.protocol = protocol;
		this.workers = workers;
	}

	/** A zero interval means no background checks (endpoints stay as requests find them). */
	void start(ScheduledExecutorService timer, Duration interval) {
		if (interval.isZero() || interval.isNegative()) {
			return;
		}
		schedule = timer.scheduleWithFixedDelay(this::checkAll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	void checkAll() {
		for (EndpointState state : states) {
			if (state.checking.compareAndSet(false, true)) {
				workers.execute(() -> {
					try {
						check(state);
					}
					finally {
						state.checking.set(false);
					}
				});
			}
		}
	}

	/** Checks one endpoint now, on the caller's thread. */
	void check(EndpointState state) {
		try {
			String version = protocol.version(state.url());
			Set<String> models = new HashSet<>();
			for (ModelInfo model : protocol.models(state.url())) {
				models.add(model.name());
			}
			List<RunningModel> running = protocol.running(state.url());
			state.markUp(version, models, running);
		}
		catch (RuntimeException e) {
			state.markDown(e.getMessage());
			state.markChecked();
		}
	}

	@Override
	public void close() {
		if (schedule != null) {
			schedule.cancel(false);
		}
	}

}
