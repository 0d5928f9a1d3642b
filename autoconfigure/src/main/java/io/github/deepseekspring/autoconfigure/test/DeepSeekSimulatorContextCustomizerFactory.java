package io.github.deepseekspring.autoconfigure.test;

import java.util.List;
import java.util.Map;

import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts a {@link DeepSeekSimulator} for test classes annotated {@link UseDeepSeekSimulator}: one per application
 * context, closed with it, registered as a bean, with {@code deepseek.base-url} and {@code deepseek.api-key} pointing
 * at it.
 */
class DeepSeekSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

	private static final String SIMULATOR_CLASS = "io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean annotated = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.isPresent(UseDeepSeekSimulator.class);
		if (!annotated) {
			return null;
		}
		if (!ClassUtils.isPresent(SIMULATOR_CLASS, testClass.getClassLoader())) {
			throw new IllegalStateException("@UseDeepSeekSimulator on " + testClass.getName()
					+ " needs io.github.deepseekspring:deepseek-testkit on the test classpath");
		}
		return new SimulatorCustomizer();
	}

	/** All annotated classes share one cached context shape, hence equal instances. */
	private static final class SimulatorCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			DeepSeekSimulator simulator = DeepSeekSimulator.start();
			context.getBeanFactory().registerSingleton("deepSeekSimulator", simulator);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("deepSeekSimulator", Map.of("deepseek.base-url",
						simulator.baseUrl().toString(), "deepseek.api-key", simulator.apiKey())));
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent) {
					simulator.close();
				}
			});
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
