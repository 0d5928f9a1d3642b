package io.github.deepseekspring.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The reference app in a JVM of its own, started from its Boot jar with the heap limit under test, so that its heap,
 * threads and CPU are its own: sampled through JMX (its actuator checks an admin password with BCrypt on every
 * request, which would show in the app's CPU) and the process handle.
 */
final class AppUnderLoad implements AutoCloseable {

	private static final String ADMIN_PASSWORD = "bench-admin-not-secret";

	private final Process process;

	private final int port;

	private final int jmxPort;

	private final HttpClient http = HttpClient.newHttpClient();

	private JMXConnector jmx;

	private AppUnderLoad(Process process, int port, int jmxPort) {
		this.process = process;
		this.port = port;
		this.jmxPort = jmxPort;
	}

	/**
	 * Starts the app and waits until it is ready.
	 * @param jar the app's Boot jar
	 * @param jvmOptions heap limit, flight recording and the like
	 * @param properties the app's settings ({@code name=value})
	 */
	static AppUnderLoad start(Path jar, List<String> jvmOptions, List<String> properties, Path log)
			throws IOException, InterruptedException {
		int port = freePort();
		int jmxPort = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
				"-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.authenticate=false",
				"-Dcom.sun.management.jmxremote.ssl=false", "-Dcom.sun.management.jmxremote.host=127.0.0.1",
				"-Djava.rmi.server.hostname=127.0.0.1"));
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--deepseek.rag.admin.password=" + ADMIN_PASSWORD);
		properties.forEach((property) -> command.add("--" + property));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		AppUnderLoad app = new AppUnderLoad(process, port, jmxPort);
		app.awaitReady(Duration.ofMinutes(3), log);
		return app;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the app stopped while starting:\n" + tail(log));
			}
			try {
				if (get("/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the app was not ready within " + timeout + ":\n" + tail(log));
	}

	/** Heap in use and live threads of the app, through JMX (no password check, so no CPU of note). */
	long[] heapAndThreads() {
		try {
			if (this.jmx == null) {
				this.jmx = JMXConnectorFactory.connect(new JMXServiceURL(
						"service:jmx:rmi:///jndi/rmi://127.0.0.1:" + this.jmxPort + "/jmxrmi"));
			}
			MBeanServerConnection server = this.jmx.getMBeanServerConnection();
			MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
					MemoryMXBean.class);
			ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
					ThreadMXBean.class);
			return new long[] { memory.getHeapMemoryUsage().getUsed(), threads.getThreadCount() };
		}
		catch (IOException ex) {
			return new long[] { 0, 0 };
		}
	}

	/**
	 * Bytes on the wire of the chat page (and what it loads) and the knowledge-base listing, without and with gzip, as
	 * a browser asks for them.
	 */
	String compression() throws IOException, InterruptedException {
		StringBuilder report = new StringBuilder("| resource | bytes | gzip bytes | saved |\n|---|---|---|---|\n");
		long plainTotal = 0;
		long gzipTotal = 0;
		for (String path : List.of("/", "/js/chat.js", "/js/markdown.js", "/js/sse.js", "/css/app.css",
				"/api/kb/documents")) {
			long plain = bytes(path, "identity");
			long gzip = bytes(path, "gzip");
			if (!path.startsWith("/api")) {
				plainTotal += plain;
				gzipTotal += gzip;
			}
			report.append(String.format("| %s | %,d | %,d | %.0f%% |%n", path, plain, gzip, 100.0 * (plain - gzip) / plain));
		}
		report.append(String.format("| the chat page with its scripts and styles | %,d | %,d | %.0f%% |%n", plainTotal,
				gzipTotal, 100.0 * (plainTotal - gzipTotal) / plainTotal));
		return report.toString();
	}

	private long bytes(String path, String encoding) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept-Encoding", encoding)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body().length;
	}

	/** Starts a flight recording of the app now (profile settings), for the given time. */
	void record(Path file, Duration duration) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(this.process.pid()), "JFR.start", "settings=profile", "filename=" + file,
				"duration=" + duration.toSeconds() + "s")
			.redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (jcmd.waitFor() != 0) {
			throw new IllegalStateException("jcmd JFR.start failed: " + output);
		}
	}

	/** CPU time the app's process used so far. */
	Duration cpuTime() {
		return this.process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Basic " + credentials)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.jmx != null) {
			try {
				this.jmx.close();
			}
			catch (IOException ex) {
				// the app stops anyway
			}
		}
		this.process.destroy();
		if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
