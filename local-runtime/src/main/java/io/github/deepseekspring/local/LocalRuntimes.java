package io.github.deepseekspring.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.local.ollama.OllamaProtocol;
import io.github.deepseekspring.local.openai.OpenAiProtocol;
import io.github.deepseekspring.local.pool.Endpoint;
import io.github.deepseekspring.local.pool.EndpointProtocol;
import io.github.deepseekspring.local.pool.PooledLocalRuntime;
import io.github.deepseekspring.local.transport.HttpTransport;

/** Builds {@link LocalRuntime}s. */
public final class LocalRuntimes {

	private LocalRuntimes() {
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Options of a runtime client; all optional except at least one endpoint. */
	public static final class Builder {

		private final List<Endpoint> endpoints = new ArrayList<>();
		private LocalProtocol protocol = LocalProtocol.OLLAMA;
		private String defaultModel;
		private String apiKey;
		private LocalRuntimeTimeouts timeouts = LocalRuntimeTimeouts.defaults();
		private Duration healthCheckInterval = Duration.ofSeconds(10);

		private Builder() {
		}

		public Builder protocol(LocalProtocol value) {
			protocol = Objects.requireNonNull(value);
			return this;
		}

		/** {@code ollama} or {@code openai}. */
		public Builder protocol(String value) {
			return protocol(LocalProtocol.of(value));
		}

		public Builder endpoint(String url) {
			return endpoint(Endpoint.of(url));
		}

		public Builder endpoint(Endpoint endpoint) {
			endpoints.add(endpoint);
			return this;
		}

		public Builder defaultModel(String value) {
			defaultModel = value;
			return this;
		}

		/** Bearer key for OpenAI-compatible servers that want one (vLLM {@code --api-key}). */
		public Builder apiKey(String value) {
			apiKey = value;
			return this;
		}

		public Builder connectTimeout(Duration value) {
			timeouts = new LocalRuntimeTimeouts(value, timeouts.firstToken(), timeouts.idle(), timeouts.request());
			return this;
		}

		public Builder firstTokenTimeout(Duration value) {
			timeouts = new LocalRuntimeTimeouts(timeouts.connect(), value, timeouts.idle(), timeouts.request());
			return this;
		}

		public Builder idleTimeout(Duration value) {
			timeouts = new LocalRuntimeTimeouts(timeouts.connect(), timeouts.firstToken(), value, timeouts.request());
			return this;
		}

		public Builder requestTimeout(Duration value) {
			timeouts = new LocalRuntimeTimeouts(timeouts.connect(), timeouts.firstToken(), timeouts.idle(), value);
			return this;
		}

		/** How often endpoints are probed in the background; zero turns background probes off. Default 10 s. */
		public Builder healthCheckInterval(Duration value) {
			healthCheckInterval = Objects.requireNonNull(value);
			return this;
		}

		public LocalRuntime build() {
			ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("local-runtime-timer"));
			// stream watchdogs are cancelled when streams end: drop them from the queue at once
			timer.setRemoveOnCancelPolicy(true);
			ExecutorService workers = Executors.newCachedThreadPool(daemon("local-runtime-worker"));
			HttpTransport http = new HttpTransport(timeouts, timer, apiKey);
			EndpointProtocol wire = protocol == LocalProtocol.OLLAMA ? new OllamaProtocol(http) : new OpenAiProtocol(http);
			return new PooledLocalRuntime(endpoints, wire, defaultModel, healthCheckInterval, workers, timer);
		}

		private static ThreadFactory daemon(String prefix) {
			AtomicInteger count = new AtomicInteger();
			return task -> {
				Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			};
		}

	}

}
