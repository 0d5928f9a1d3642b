package io.github.deepseekspring.benchmarks.startup;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up time the DeepSeek auto-configuration adds to a Boot application: {@link StartupProbe} started in fresh
 * JVMs, alternately with the auto-configuration and with it excluded (same classpath, same run), medians compared.
 *
 * <p>The probe should run on the classpath of an application that has only the starter, not on this module's
 * (which carries the reference app and its databases, web server and actuator): pass the starter's runtime
 * classpath in {@code -Dbenchmark.classpath=FILE}, as written by
 * {@code mvn -q -pl starter dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=FILE}; the
 * probe's own classes are added in front. Without it the probe runs on this module's classpath, with a warning.
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

	private static String classpath() throws Exception {
		String starterClasspath = System.getProperty("benchmark.classpath");
		if (starterClasspath != null) {
			String probe = Path.of(StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
			return probe + File.pathSeparator + Files.readString(Path.of(starterClasspath)).strip();
		}
		System.err.println("warning: no -Dbenchmark.classpath; the probe runs on the benchmarks module's classpath");
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
