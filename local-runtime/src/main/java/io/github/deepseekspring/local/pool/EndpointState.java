package io.github.deepseekspring.local.pool;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.local.models.RunningModel;

/** Live state of one endpoint; written by health checks and by requests that find it unreachable. */
final class EndpointState {

	final Endpoint endpoint;
	final AtomicInteger inFlight = new AtomicInteger();
	final AtomicBoolean checking = new AtomicBoolean();
	private volatile boolean up = true;
	private volatile Set<String> discovered;
	private volatile List<RunningModel> loaded = List.of();
	private volatile String version;
	private volatile String lastError;
	private volatile Instant lastChecked;

	EndpointState(Endpoint endpoint) {
		this.endpoint = endpoint;
	}

	URI url() {
		return endpoint.url();
	}

	boolean isUp() {
		return up;
	}

	/** Whether it should get requests for the model; unknown lists (not yet checked) count as yes. */
	boolean serves(String model) {
		Set<String> names = endpoint.models().isEmpty() ? discovered : endpoint.models();
		return model == null || names == null || names.contains(model) || names.contains(ModelNames.withTag(model));
	}

	void markUp(String runtimeVersion, Set<String> models, List<RunningModel> running) {
		version = runtimeVersion;
		discovered = models;
		loaded = List.copyOf(running);
		lastError = null;
		lastChecked = Instant.now();
		up = true;
	}

	void markDown(String reason) {
		lastError = reason;
		up = false;
	}

	void markChecked() {
		lastChecked = Instant.now();
	}

	EndpointStatus snapshot() {
		Set<String> names = endpoint.models().isEmpty() ? discovered : endpoint.models();
		List<String> models = names == null ? List.of() : names.stream().sorted().toList();
		long vram = loaded.stream().mapToLong(RunningModel::sizeVramBytes).sum();
		return new EndpointStatus(url().toString(), up, inFlight.get(), endpoint.weight(), models, loaded,
				vram, version, lastError, lastChecked);
	}

}
