package io.github.deepseekspring.benchmarks.startup;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * A minimal Boot application started in a fresh JVM by {@link StartupCostBenchmark}; prints how long
 * {@code SpringApplication.run} took (wall time, and CPU time of the thread that ran it, which other tenants of a
 * shared machine disturb less), how many classes it loaded and how long creating the DeepSeek beans took, with the
 * DeepSeek auto-configuration on, excluded, or replaced by the least a chat model configuration can be.
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

	/**
	 * Time spent creating the starter's beans, from Spring's own start-up steps: measured inside one JVM, it is not
	 * the difference of two noisy start-ups. A bean created while another of ours is (the properties, for the
	 * connection details) counts once, within the outer one; steps are recorded as they end, so inner ones come
	 * first and the outer ones must all be known before summing.
	 */
	private static long deepSeekBeanCreation(StartupTimeline timeline, ConfigurableListableBeanFactory beanFactory) {
		Set<Long> ours = new HashSet<>();
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			if (isDeepSeekBeanCreation(event.getStartupStep(), beanFactory)) {
				ours.add(event.getStartupStep().getId());
			}
		}
		long nanos = 0;
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			if (ours.contains(step.getId()) && !ours.contains(step.getParentId())) {
				nanos += event.getDuration().toNanos();
			}
		}
		return nanos;
	}

	private static boolean isDeepSeekBeanCreation(StartupStep step, ConfigurableListableBeanFactory beanFactory) {
		if (!step.getName().equals("spring.beans.instantiate")) {
			return false;
		}
		for (StartupStep.Tag tag : step.getTags()) {
			if (tag.getKey().equals("beanName") && isDeepSeekBean(tag.getValue(), beanFactory)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDeepSeekBean(String name, ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(name);
		return isDeepSeekType(name) || isDeepSeekType(definition.getBeanClassName())
				|| isDeepSeekType(definition.getFactoryBeanName());
	}

	private static boolean isDeepSeekType(String name) {
		return name != null && !name.startsWith(StartupProbe.class.getPackageName())
				&& name.startsWith("io.github.deepseekspring.");
	}

	/**
	 * @param args {@code with} (the DeepSeek auto-configuration on), {@code without} (excluded) or {@code floor}
	 * (excluded, {@link MinimalChatModelConfiguration} in its place)
	 */
	public static void main(String[] args) {
		String mode = (args.length > 0) ? args[0] : "without";
		boolean withDeepSeek = mode.equals("with");
		SpringApplication application = new SpringApplication(StartupProbe.class);
		if (mode.equals("floor")) {
			application.addPrimarySources(List.of(MinimalChatModelConfiguration.class));
		}
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		BufferingApplicationStartup steps = new BufferingApplicationStartup(10_000);
		application.setApplicationStartup(steps);
		String exclude = withDeepSeek ? "" : deepSeekAutoConfigurations();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();
		long classesBefore = classLoading.getTotalLoadedClassCount();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run("--deepseek.api-key=sk-test-dummy-key",
				"--spring.main.banner-mode=off", "--logging.level.root=warn", "--spring.autoconfigure.exclude=" + exclude)) {
			long elapsed = System.nanoTime() - start;
			long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
			long classes = classLoading.getTotalLoadedClassCount() - classesBefore;
			if (withDeepSeek != context.containsBean("deepseekChatModel")
					|| mode.equals("floor") != context.containsBean("minimalChatModel")) {
				throw new IllegalStateException("the probe did not configure what it measures");
			}
			System.out.println("STARTUP_NANOS=" + elapsed);
			System.out.println("STARTUP_CPU_NANOS=" + cpu);
			System.out.println("STARTUP_CLASSES=" + classes);
			System.out.println("STARTUP_BEANS_NANOS=" + deepSeekBeanCreation(steps.getBufferedTimeline(),
					context.getBeanFactory()));
		}
	}

}
