package io.github.deepseekspring.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up time the DeepSeek auto-configuration adds to a Boot application: {@link StartupProbe} started in fresh
 * JVMs, alternately with the auto-configuration and with it excluded (same classpath, same run), medians compared.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am -DskipTests install && mvn -q -pl benchmarks exec:java
 * -Dbenchmark.main=io.github.deepseekspring.benchmarks.StartupCostBenchmark}
 */
public final class StartupCostBenchmark {

	private StartupCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = Integer.getInteger("benchmark.runs", 12);
		String classpath = classpath();
		List<Long> with = new ArrayList<>();
		List<Long> without = new ArrayList<>();
		probe(classpath, "without");
		for (int i = 0; i < runs; i++) {
			with.add(probe(classpath, "with"));
			without.add(probe(classpath, "without"));
		}
		double withMs = median(with) / 1e6;
		double withoutMs = median(without) / 1e6;
		System.out.printf("| SpringApplication.run, median of %d fresh JVMs | without DeepSeek %.1f ms | with %.1f ms | added %.1f ms |%n",
				runs, withoutMs, withMs, withMs - withoutMs);
	}

	private static long probe(String classpath, String mode) throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, StartupProbe.class.getName(), mode)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("probe failed:\n" + output);
		}
		return output.lines()
			.filter((line) -> line.startsWith("STARTUP_NANOS="))
			.map((line) -> Long.parseLong(line.substring("STARTUP_NANOS=".length())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("probe printed no time:\n" + output));
	}

	private static String classpath() throws URISyntaxException {
		List<String> entries = new ArrayList<>();
		ClassLoader loader = StartupCostBenchmark.class.getClassLoader();
		if (loader instanceof URLClassLoader urls) {
			for (URL url : urls.getURLs()) {
				entries.add(Path.of(url.toURI()).toString());
			}
		}
		return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
	}

	private static double median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

}
