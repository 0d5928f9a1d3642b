package io.github.deepseekspring.benchmarks.startup;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up time the DeepSeek auto-configuration adds to a Boot application: {@link StartupProbe} started in fresh
 * JVMs with the auto-configuration and with it excluded (same classpath, same run), in a shuffled order each round so
 * that drifts of the machine's load fall on both alike; medians compared.
 *
 * <p>The probe should run on the classpath of an application that has only the starter, not on this module's
 * (which carries the reference app and its databases, web server and actuator): pass the starter's runtime
 * classpath in {@code -Dbenchmark.classpath=FILE}, as written by
 * {@code mvn -q -pl starter dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=FILE}; the
 * probe's own classes are added in front. Several files, comma-separated (say, with the jars of an older and a
 * newer build), are measured in the same rounds. Without it the probe runs on this module's classpath, with a
 * warning.
 */
public final class StartupCostBenchmark {

	private StartupCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = Integer.getInteger("benchmark.runs", 12);
		List<String> classpaths = classpaths();
		Map<String, List<Long>> times = new LinkedHashMap<>();
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < classpaths.size(); c++) {
			for (String mode : List.of("with", "without")) {
				cells.add(c + " " + mode);
				times.put(c + " " + mode, new ArrayList<>());
			}
		}
		probe(classpaths.get(0), "without");
		for (int i = 0; i < runs; i++) {
			Collections.shuffle(cells);
			for (String cell : cells) {
				String[] parts = cell.split(" ");
				times.get(cell).add(probe(classpaths.get(Integer.parseInt(parts[0])), parts[1]));
			}
		}
		for (int c = 0; c < classpaths.size(); c++) {
			double with = median(times.get(c + " with"));
			double without = median(times.get(c + " without"));
			System.out.printf("| %s | SpringApplication.run, median of %d fresh JVMs | without DeepSeek %.1f ms | with %.1f ms | added %.1f ms |%n",
					(classpaths.size() > 1) ? "classpath " + (c + 1) : "starter", runs, without / 1e6, with / 1e6,
					(with - without) / 1e6);
		}
	}

	/** @return wall nanoseconds of one start-up */
	private static long probe(String classpath, String mode) throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, StartupProbe.class.getName(), mode)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("probe failed:\n" + output);
		}
		return reported(output, "STARTUP_NANOS=");
	}

	private static long reported(String output, String key) {
		return output.lines()
			.filter((line) -> line.startsWith(key))
			.map((line) -> Long.parseLong(line.substring(key.length())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("probe printed no " + key + "\n" + output));
	}

	private static List<String> classpaths() throws Exception {
		String starterClasspaths = System.getProperty("benchmark.classpath");
		if (starterClasspaths != null) {
			String probe = Path.of(StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
			List<String> classpaths = new ArrayList<>();
			for (String file : starterClasspaths.split(",")) {
				classpaths.add(probe + File.pathSeparator + Files.readString(Path.of(file.trim())).strip());
			}
			return classpaths;
		}
		System.err.println("warning: no -Dbenchmark.classpath; the probe runs on the benchmarks module's classpath");
		List<String> entries = new ArrayList<>();
		ClassLoader loader = StartupCostBenchmark.class.getClassLoader();
		if (loader instanceof URLClassLoader urls) {
			for (URL url : urls.getURLs()) {
				entries.add(Path.of(url.toURI()).toString());
			}
		}
		return List.of(entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries));
	}

	private static double median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

}
