package io.github.deepseekspring.model.sim;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key appears in no log line at any level (the JDK HTTP client's loggers at their finest included), in no
 * exception and in no metric, whatever the calls do: answer, stream, call tools, fail, retry.
 */
class ApiKeyConfinementSimulatorTests extends DeepSeekSimulatorSupport {

	static class Clock {

		@Tool(description = "The time")
		String now() {
			return "10:30";
		}

	}

	@Test
	void theKeyIsInNoLogLineExceptionOrMetric() {
		String key = sim.apiKey();
		List<String> jdkLines = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		try (CapturedLogs logs = new CapturedLogs(org.slf4j.Logger.ROOT_LOGGER_NAME);
				JdkLogs jdk = new JdkLogs(jdkLines)) {
			DeepSeekChatModel model = DeepSeekChatModel.builder()
				.api(DeepSeekApi.builder().baseUrl(sim.baseUrl()).apiKey(key).build())
				.retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), 2, 0.5, Duration.ofSeconds(30)))
				.meterRegistry(meters)
				.build();
			sim.onUserMessage("time", ScriptedReply.toolCalls(ToolCallSpec.of("now", "{}")).thenText("It is 10:30."));

			model.call(new Prompt("hello"));
			model.stream(new Prompt("hello stream")).blockLast();
			ChatClient.create(model).prompt().user("What time is it?").tools(new Clock()).call().content();
			ChatClient.create(model).prompt().user("What time is it now?").tools(new Clock()).stream().content().blockLast();
			sim.faults().failNext(1, 500);
			model.call(new Prompt("retried"));
			sim.faults().failNext(3, 503);
			errors.add(failure(() -> model.call(new Prompt("fails"))));
			sim.faults().cutAfterChunks(2);
			errors.add(failure(() -> model.stream(new Prompt("cut " + "x ".repeat(30))).blockLast()));
			DeepSeekChatModel wrongKey = DeepSeekChatModel.builder()
				.api(DeepSeekApi.builder().baseUrl(sim.baseUrl()).apiKey(key + "-revoked").build())
				.build();
			errors.add(failure(() -> wrongKey.call(new Prompt("unauthorized"))));
			sim.faults().down();
			errors.add(failure(() -> model.call(new Prompt("down"))));
			sim.faults().up();

			assertThat(logs.lines()).as("something was logged at TRACE").isNotEmpty()
				.allSatisfy(line -> assertThat(line).doesNotContain(key));
		}
		assertThat(jdkLines).allSatisfy(line -> assertThat(line).doesNotContain(key));
		assertThat(errors).hasSize(4).allSatisfy(trace -> assertThat(trace).isNotEmpty().doesNotContain(key));
		for (Meter meter : meters.getMeters()) {
			assertThat(meter.getId().toString()).doesNotContain(key);
		}
	}

	private static String failure(Runnable call) {
		try {
			call.run();
			return "";
		}
		catch (RuntimeException ex) {
			StringWriter trace = new StringWriter();
			ex.printStackTrace(new PrintWriter(trace));
			return trace.toString();
		}
	}

	/** The JDK's own loggers ({@code jdk.httpclient.*}, {@code jdk.internal.httpclient.*}) at their finest level. */
	private static final class JdkLogs extends Handler implements AutoCloseable {

		private final List<String> lines;

		private final List<Logger> loggers = List.of(Logger.getLogger(""), Logger.getLogger("jdk.httpclient.HttpClient"),
				Logger.getLogger("jdk.internal.httpclient"));

		private final List<Level> previous = new ArrayList<>();

		JdkLogs(List<String> lines) {
			this.lines = lines;
			setLevel(Level.ALL);
			for (Logger logger : this.loggers) {
				this.previous.add(logger.getLevel());
				logger.setLevel(Level.ALL);
			}
			this.loggers.get(0).addHandler(this);
		}

		@Override
		public void publish(LogRecord record) {
			this.lines.add(record.getMessage() + (record.getParameters() == null ? "" : List.of(record.getParameters())));
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
			this.loggers.get(0).removeHandler(this);
			for (int i = 0; i < this.loggers.size(); i++) {
				this.loggers.get(i).setLevel(this.previous.get(i));
			}
		}

	}

}
