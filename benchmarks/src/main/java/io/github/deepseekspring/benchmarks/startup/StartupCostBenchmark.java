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
		List<long[]> with = new ArrayList<>();
		List<long[]> without = new ArrayList<>();
		probe(classpath, "without");
		for (int i = 0; i < runs; i++) {
			with.add(probe(classpath, "with"));
			without.add(probe(classpath, "without"));
		}
		report("SpringApplication.run (wall)", runs, median(with, 0), median(without, 0));
		report("main thread CPU", runs, median(with, 1), median(without, 1));
	}

	private static void report(String measure, int runs, double with, double without) {
		System.out.printf("| %s, median of %d fresh JVMs | without DeepSeek %.1f ms | with %.1f ms | added %.1f ms |%n",
				measure, runs, without / 1e6, with / 1e6, (with - without) / 1e6);
	}

	/** @return wall and main-thread CPU nanoseconds of one start-up */
	private static long[] probe(String classpath, String mode) throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, StartupProbe.class.getName(), mode)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("probe failed:\n" + output);
		}
		return new long[] { reported(output, "STARTUP_NANOS="), reported(output, "STARTUP_CPU_NANOS=") };
	}

	private static long reported(String output, String key) {
		return output.lines()
			.filter((line) -> line.startsWith(key))
			.map((line) -> Long.parseLong(line.substring(key.length())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("probe printed no " + key + "\n" + output));
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

	private static double median(List<long[]> runs, int measure) {
		List<Long> sorted = runs.stream().map((run) -> run[measure]).sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

}
