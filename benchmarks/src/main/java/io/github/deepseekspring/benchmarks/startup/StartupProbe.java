package io.github.deepseekspring.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal Boot application started in a fresh JVM by {@link StartupCostBenchmark}; prints how long
 * {@code SpringApplication.run} took, with the DeepSeek auto-configuration on or excluded.
 */
@SpringBootApplication
public class StartupProbe {

	/** Whatever the starter on the classpath registers, so that one probe measures older and newer versions alike. */
	private static String deepSeekAutoConfigurations() {
		List<String> ours = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, StartupProbe.class.getClassLoader())
			.forEach((candidate) -> {
				if (candidate.startsWith("io.github.deepseekspring.")) {
					ours.add(candidate);
				}
			});
		return String.join(",", ours);
	}

	public static void main(String[] args) {
		boolean withDeepSeek = args.length > 0 && args[0].equals("with");
		SpringApplication application = new SpringApplication(StartupProbe.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		String exclude = withDeepSeek ? "" : deepSeekAutoConfigurations();
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run("--deepseek.api-key=sk-test-dummy-key",
				"--spring.main.banner-mode=off", "--logging.level.root=warn", "--spring.autoconfigure.exclude=" + exclude)) {
			long elapsed = System.nanoTime() - start;
			if (withDeepSeek != context.containsBean("deepseekChatModel")) {
				throw new IllegalStateException("the probe did not configure what it measures");
			}
			System.out.println("STARTUP_NANOS=" + elapsed);
		}
	}

}
