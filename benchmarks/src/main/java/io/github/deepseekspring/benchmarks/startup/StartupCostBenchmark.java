package io.github.deepseekspring.benchmarks.startup;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Start-up time the DeepSeek auto-configuration adds to a Boot application: {@link StartupProbe} started in fresh
 * JVMs with the auto-configuration and with it excluded (same classpath, same run), in a shuffled order each round so
 * that drifts of the machine's load fall on both alike; medians of wall time, of the starting thread's CPU time and
 * of classes loaded compared, and the time Spring's start-up steps spent creating the DeepSeek beans (measured
 * within one JVM, so much steadier than a difference of two start-ups, but blind to configuration parsing and
 * conditions). A third cell per classpath starts {@link MinimalChatModelConfiguration} instead: the floor any chat
 * model starter pays.
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
		boolean aotCache = Boolean.getBoolean("benchmark.aot-cache");
		List<String> classpaths = classpaths();
		List<List<String>> jvmOptions = new ArrayList<>();
		for (int c = 0; c < classpaths.size(); c++) {
			jvmOptions.add(aotCache ? trainAotCache(classpaths.get(c), c) : List.of());
		}
		Map<String, List<Startup>> startups = new LinkedHashMap<>();
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < classpaths.size(); c++) {
			for (String mode : List.of("with", "without", "floor")) {
				cells.add(c + " " + mode);
				startups.put(c + " " + mode, new ArrayList<>());
			}
		}
		probe(classpaths.get(0), jvmOptions.get(0), "without");
		for (int i = 0; i < runs; i++) {
			Collections.shuffle(cells);
			for (String cell : cells) {
				int c = Integer.parseInt(cell.split(" ")[0]);
				startups.get(cell).add(probe(classpaths.get(c), jvmOptions.get(c), cell.split(" ")[1]));
			}
		}
		System.out.printf("%d fresh JVMs per cell%s; added = with DeepSeek - without: median [95%% bootstrap interval]"
				+ " and lower quartile (noise on a shared machine only ever adds time, so low quantiles track the"
				+ " intrinsic cost)%n", runs, aotCache ? ", each classpath with its own AOT cache" : "");
		System.out.println("| classpath | wall without | wall added | wall added, lower quartile "
				+ "| main-thread CPU added | classes added | creating DeepSeek beans, median / lower quartile "
				+ "| minimal chat model added, median / lower quartile |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (int c = 0; c < classpaths.size(); c++) {
			List<Startup> with = startups.get(c + " with");
			List<Startup> without = startups.get(c + " without");
			List<Startup> floor = startups.get(c + " floor");
			System.out.printf("| %s | %.1f ms | %s | %+.1f ms | %s | %+.0f | %.1f / %.1f ms | %+.1f / %+.1f ms |%n",
					(classpaths.size() > 1) ? String.valueOf(c + 1) : "starter",
					quantile(without, Startup::wallNanos, 0.5) / 1e6, added(with, without, Startup::wallNanos),
					(quantile(with, Startup::wallNanos, 0.25) - quantile(without, Startup::wallNanos, 0.25)) / 1e6,
					added(with, without, Startup::cpuNanos),
					quantile(with, Startup::classes, 0.5) - quantile(without, Startup::classes, 0.5),
					quantile(with, Startup::beanNanos, 0.5) / 1e6, quantile(with, Startup::beanNanos, 0.25) / 1e6,
					(quantile(floor, Startup::wallNanos, 0.5) - quantile(without, Startup::wallNanos, 0.5)) / 1e6,
					(quantile(floor, Startup::wallNanos, 0.25) - quantile(without, Startup::wallNanos, 0.25)) / 1e6);
		}
	}

	/** One start-up as the probe reported it. */
	private record Startup(long wallNanos, long cpuNanos, long classes, long beanNanos) {
	}

	/**
	 * Trains an AOT cache (JDK 25+, JEP 483 and 514) on one start-up with the starter, as a production image would,
	 * and returns the option that starts a JVM with it: class loading and linking then come from the cache, and what
	 * is left is the work Spring does.
	 */
	private static List<String> trainAotCache(String classpath, int index) throws Exception {
		if (Runtime.version().feature() < 25) {
			throw new IllegalStateException("-Dbenchmark.aot-cache needs a JDK 25 or later, this is "
					+ Runtime.version());
		}
		Path cache = Files.createTempFile("deepseek-startup-" + index + "-", ".aot");
		cache.toFile().deleteOnExit();
		probe(classpath, List.of("-XX:AOTCacheOutput=" + cache), "with");
		return List.of("-XX:AOTCache=" + cache);
	}

	private static Startup probe(String classpath, List<String> jvmOptions, String mode) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath, StartupProbe.class.getName(), mode));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("probe failed:\n" + output);
		}
		return new Startup(reported(output, "STARTUP_NANOS="), reported(output, "STARTUP_CPU_NANOS="),
				reported(output, "STARTUP_CLASSES="), reported(output, "STARTUP_BEANS_NANOS="));
	}

	/** Difference of medians in milliseconds, with a 95% percentile-bootstrap interval. */
	private static String added(List<Startup> with, List<Startup> without, ToLongFunction<Startup> measure) {
		double added = quantile(with, measure, 0.5) - quantile(without, measure, 0.5);
		Random random = new Random(42);
		int resamples = 2_000;
		double[] differences = new double[resamples];
		for (int r = 0; r < resamples; r++) {
			differences[r] = quantile(resample(with, random), measure, 0.5)
					- quantile(resample(without, random), measure, 0.5);
		}
		Arrays.sort(differences);
		return String.format("%+.1f ms [%+.0f, %+.0f]", added / 1e6, differences[resamples / 40] / 1e6,
				differences[resamples - 1 - resamples / 40] / 1e6);
	}

	private static List<Startup> resample(List<Startup> startups, Random random) {
		List<Startup> drawn = new ArrayList<>(startups.size());
		for (int i = 0; i < startups.size(); i++) {
			drawn.add(startups.get(random.nextInt(startups.size())));
		}
		return drawn;
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
			String probe = probeJar().toString();
			List<String> classpaths = new ArrayList<>();
			for (String file : starterClasspaths.split(",")) {
				classpaths.add(probe + File.pathSeparator + Files.readString(Path.of(file.trim())).strip());
			}
			return classpaths;
		}
		if (Boolean.getBoolean("benchmark.aot-cache")) {
			throw new IllegalStateException("-Dbenchmark.aot-cache needs -Dbenchmark.classpath (the AOT cache refuses "
					+ "the class directories of this module's classpath)");
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

	/**
	 * The probe's classes (this package) alone in a jar: the AOT cache refuses class path directories, and the
	 * starter's classpath has none.
	 */
	private static Path probeJar() throws Exception {
		String packagePath = StartupProbe.class.getPackageName().replace('.', '/') + "/";
		Path source = Path.of(StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path jar = Files.createTempFile("deepseek-startup-probe-", ".jar");
		jar.toFile().deleteOnExit();
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			if (Files.isDirectory(source)) {
				try (var classes = Files.list(source.resolve(packagePath))) {
					for (Path file : classes.filter((f) -> f.toString().endsWith(".class")).toList()) {
						out.putNextEntry(new JarEntry(packagePath + file.getFileName()));
						Files.copy(file, out);
						out.closeEntry();
					}
				}
			}
			else {
				try (JarFile benchmarks = new JarFile(source.toFile())) {
					for (JarEntry entry : Collections.list(benchmarks.entries())) {
						if (entry.getName().startsWith(packagePath) && entry.getName().endsWith(".class")) {
							out.putNextEntry(new JarEntry(entry.getName()));
							try (InputStream in = benchmarks.getInputStream(entry)) {
								in.transferTo(out);
							}
							out.closeEntry();
						}
					}
				}
			}
		}
		return jar;
	}

	/** Quantile {@code q} with linear interpolation between the closest ranks. */
	private static double quantile(List<Startup> startups, ToLongFunction<Startup> measure, double q) {
		List<Long> sorted = startups.stream().map(measure::applyAsLong).sorted().toList();
		double rank = q * (sorted.size() - 1);
		int below = (int) Math.floor(rank);
		int above = Math.min(below + 1, sorted.size() - 1);
		return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
	}

}
