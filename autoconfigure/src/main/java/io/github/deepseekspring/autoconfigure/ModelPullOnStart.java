package io.github.deepseekspring.autoconfigure;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.models.PullProgress;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Pulls the local chat model in the background once the application is ready ({@code deepseek.local.pull-on-start}),
 * logging progress every tenth of the download. Start-up never waits for it; a failure is logged, not thrown, since
 * the remote backend or an already present model may serve meanwhile.
 */
class ModelPullOnStart implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(ModelPullOnStart.class);

	private final LocalRuntime runtime;

	private final String model;

	ModelPullOnStart(LocalRuntime runtime, String model) {
		this.runtime = runtime;
		this.model = model;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Thread pull = new Thread(this::pull, "deepseek-model-pull");
		pull.setDaemon(true);
		pull.start();
	}

	void pull() {
		logger.info("Pulling local model " + this.model + " in the background");
		int[] lastDecile = { -1 };
		try {
			this.runtime.pull(this.model, (progress) -> log(progress, lastDecile));
			logger.info("Local model " + this.model + " is ready");
		}
		catch (RuntimeException ex) {
			logger.warn("Could not pull local model " + this.model + ": " + ex.getMessage());
		}
	}

	private void log(PullProgress progress, int[] lastDecile) {
		double fraction = progress.fraction();
		int decile = (fraction < 0) ? -1 : (int) (fraction * 10);
		if (decile > lastDecile[0]) {
			lastDecile[0] = decile;
			logger.info(String.format("Pulling %s on %s: %s %d%% (%d of %d bytes)", this.model, progress.endpoint(),
					progress.status(), decile * 10, progress.completedBytes(), progress.totalBytes()));
		}
	}

}
