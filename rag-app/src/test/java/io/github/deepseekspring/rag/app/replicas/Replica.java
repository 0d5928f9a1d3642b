package io.github.deepseekspring.rag.app.replicas;

import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.RagApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the app, started as a deployment starts it: its own process-like context on a random port, its
 * settings on the command line (so they win over {@code application.properties}, as environment variables do).
 *
 * @param name {@code A} or {@code B}, for messages
 * @param context the running application
 * @param port its HTTP port
 */
record Replica(String name, ConfigurableApplicationContext context, int port) {

	static Replica start(String name, Map<String, String> settings) {
		List<String> arguments = settings.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toList();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RagApplication.class)
			.run(arguments.toArray(String[]::new));
		return new Replica(name, context, context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	/** The absolute URL of a path on this replica. */
	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	@Override
	public String toString() {
		return "replica " + this.name + " (port " + this.port + ")";
	}

}
