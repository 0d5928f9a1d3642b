package io.github.deepseekspring.model.local;

import java.util.function.Consumer;

import io.github.deepseekspring.local.LocalRuntime;

/** {@link LocalModels} on the {@code deepseek-local-runtime} client. */
public final class LocalRuntimeModels implements LocalModels {

	private final LocalRuntime runtime;

	public LocalRuntimeModels(LocalRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	public void pull(String model, Consumer<PullStatus> progress) {
		this.runtime.pull(model, (report) -> progress.accept(
				new PullStatus(report.endpoint(), report.status(), report.completedBytes(), report.totalBytes())));
	}

}
