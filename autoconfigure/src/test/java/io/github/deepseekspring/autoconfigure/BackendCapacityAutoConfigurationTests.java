package io.github.deepseekspring.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.deepseekspring.model.routing.BackendCapacity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The backends' capacity bean: DeepSeek's published limits, the local endpoints' parallel slots, routing. */
class BackendCapacityAutoConfigurationTests {

	private static final String DUMMY_KEY = "sk-test-dummy-key";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class));

	@Test
	void theApiDefaultsToThePublishedLimitOfTheChatModel() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY)
			.run((context) -> assertThat(context.getBean(BackendCapacity.class))
				.isEqualTo(new BackendCapacity(2_500, 0)));
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.chat.model=deepseek-v4-pro")
			.run((context) -> assertThat(context.getBean(BackendCapacity.class).remote()).isEqualTo(500));
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.chat.model=some-future-model")
			.run((context) -> assertThat(context.getBean(BackendCapacity.class).remote()).isEqualTo(500));
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.chat.max-concurrency=800")
			.run((context) -> assertThat(context.getBean(BackendCapacity.class).remote()).isEqualTo(800));
	}

	@Test
	void theLocalRuntimeServesTheSumOfItsEndpointsParallelSlots() {
		this.runner.withPropertyValues("deepseek.local.base-url=http://127.0.0.1:9")
			.run((context) -> assertThat(context.getBean(BackendCapacity.class)).isEqualTo(new BackendCapacity(0, 1)));
		this.runner
			.withPropertyValues("deepseek.local.parallel=2", "deepseek.local.endpoints[0].url=http://127.0.0.1:9",
					"deepseek.local.endpoints[1].url=http://127.0.0.1:10", "deepseek.local.endpoints[1].parallel=8")
			.run((context) -> assertThat(context.getBean(BackendCapacity.class).local()).isEqualTo(10));
		this.runner.withPropertyValues("deepseek.local.parallel=3")
			.withBean(LocalRuntimeConnectionDetails.class,
					() -> () -> List.of(URI.create("http://127.0.0.1:11"), URI.create("http://127.0.0.1:12")))
			.run((context) -> assertThat(context.getBean(BackendCapacity.class).local()).isEqualTo(6));
	}

	@Test
	void routingPinnedToOneBackendCountsOnlyThatOne() {
		String[] both = { "deepseek.api-key=" + DUMMY_KEY, "deepseek.local.base-url=http://127.0.0.1:9",
				"deepseek.local.parallel=4" };
		this.runner.withPropertyValues(both)
			.run((context) -> assertThat(context.getBean(BackendCapacity.class).total()).isEqualTo(2_504));
		this.runner.withPropertyValues(both)
			.withPropertyValues("deepseek.routing.mode=local")
			.run((context) -> assertThat(context.getBean(BackendCapacity.class)).isEqualTo(new BackendCapacity(0, 4)));
		this.runner.withPropertyValues(both)
			.withPropertyValues("deepseek.routing.mode=remote")
			.run((context) -> assertThat(context.getBean(BackendCapacity.class))
				.isEqualTo(new BackendCapacity(2_500, 0)));
	}

	@Test
	void invalidSlotsFailNamingTheProperty() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.chat.max-concurrency=0")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("deepseek.chat.max-concurrency"));
		this.runner.withPropertyValues("deepseek.local.endpoints[0].url=http://127.0.0.1:9",
				"deepseek.local.endpoints[0].parallel=0")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("deepseek.local.endpoints[0].parallel"));
		this.runner.withPropertyValues("deepseek.local.base-url=http://127.0.0.1:9", "deepseek.local.parallel=0")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("deepseek.local.parallel"));
	}

	@Test
	void aUserBeanWins() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY)
			.withBean(BackendCapacity.class, () -> new BackendCapacity(7, 0))
			.run((context) -> assertThat(context.getBean(BackendCapacity.class).total()).isEqualTo(7));
	}

	@Test
	void noBackendNoCapacity() {
		this.runner.withPropertyValues("deepseek.required=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BackendCapacity.class));
	}

}
