package io.github.deepseekspring.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.cost.PriceTable;
import io.github.deepseekspring.model.local.LocalChatPort;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.MimeTypeUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;

class DeepSeekAutoConfigurationTests {

	private static final String DUMMY_KEY = "sk-test-dummy-key";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class));

	@Test
	void apiKeyGivesARemoteChatModelNamedDeepseekChatModel() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY).run((context) -> {
			assertThat(context).hasSingleBean(ChatModel.class).hasBean("deepseekChatModel");
			DeepSeekChatModel model = context.getBean(DeepSeekChatModel.class);
			assertThat(model.routingMode()).isEqualTo(RoutingMode.REMOTE);
			assertThat(model.getOptions().getModel()).isEqualTo("deepseek-flash");
			assertThat(model.remoteApi()).get().extracting(DeepSeekApi::baseUrl)
				.isEqualTo(URI.create("https://api.deepseek.com"));
		});
	}

	@Test
	void propertiesBindWithRelaxedNames() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("env", Map.of("DEEPSEEK_API_KEY", DUMMY_KEY))))
			.withPropertyValues("deepseek.base-url=http://127.0.0.1:9",
					"deepseek.chat.model=deepseek-v4-pro", "deepseek.chat.thinking=disabled",
					"deepseek.chat.max-tokens=2048", "deepseek.routing.mode=cost-aware",
					"deepseek.timeouts.first-token=5s", "deepseek.retry.max-attempts=5",
					"deepseek.local.endpoints[0].url=http://gpu-a:11434", "deepseek.local.endpoints[0].weight=3",
					"deepseek.local.endpoints[0].models=deepseek-r1:7b,deepseek-coder-v2:16b",
					"deepseek.pricing.models.my-model.output=1.5")
			.run((context) -> {
				DeepSeekProperties properties = context.getBean(DeepSeekProperties.class);
				assertThat(properties.getApiKey()).isEqualTo(DUMMY_KEY);
				assertThat(properties.getChat().getThinking()).isEqualTo(DeepSeekProperties.Thinking.DISABLED);
				assertThat(properties.getRouting().getMode()).isEqualTo(RoutingMode.COST_AWARE);
				assertThat(properties.getLocal().getEndpoints()).singleElement().satisfies((endpoint) -> {
					assertThat(endpoint.getWeight()).isEqualTo(3);
					assertThat(endpoint.getModels()).containsExactly("deepseek-r1:7b", "deepseek-coder-v2:16b");
				});
				assertThat(context.getBean(StreamTimeouts.class).firstToken()).isEqualTo(Duration.ofSeconds(5));
				assertThat(context.getBean(RetryPolicy.class).maxAttempts()).isEqualTo(5);
				DeepSeekChatModel model = context.getBean(DeepSeekChatModel.class);
				assertThat(model.getOptions().getModel()).isEqualTo("deepseek-v4-pro");
				assertThat(model.getOptions().getMaxTokens()).isEqualTo(2048);
				assertThat(model.getOptions().isThinkingEnabled()).isFalse();
				assertThat(context.getBean(PriceTable.class)
					.remoteCost("my-model", 0, 0, 1_000_000, java.time.Instant.parse("2026-11-25T02:00:00Z")))
					.isEqualByComparingTo(new BigDecimal("1.5"));
			});
	}

	@Test
	void noBackendFailsStartUpWithAnalysisNamingTheProperties() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause().isInstanceOf(NoDeepSeekBackendException.class);
			FailureAnalysis analysis = new NoDeepSeekBackendFailureAnalyzer().analyze(failure);
			assertThat(analysis.getAction()).contains("deepseek.api-key", "DEEPSEEK_API_KEY", "deepseek.local.base-url",
					"deepseek.required=false", "deepseek.enabled=false");
		});
	}

	@Test
	void notRequiredAndNoBackendStartsWithoutChatModel() {
		this.runner.withPropertyValues("deepseek.required=false")
			.withConfiguration(AutoConfigurations.of(ChatClientAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatModel.class));
	}

	@Test
	void anEmptyApiKeyConfiguresNoRemoteApi() {
		// DEEPSEEK_API_KEY= as an .env file or a Secret template leaves it: no API called with an empty key.
		this.runner.withPropertyValues("deepseek.required=false", "deepseek.api-key=")
			.withConfiguration(AutoConfigurations.of(ChatClientAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DeepSeekApi.class)
				.doesNotHaveBean(ChatModel.class));
		this.runner.withPropertyValues("deepseek.required=false", "deepseek.api-key=  ",
				"deepseek.local.base-url=http://127.0.0.1:9")
			.run((context) -> assertThat(context).doesNotHaveBean(DeepSeekApi.class)
				.hasSingleBean(DeepSeekChatModel.class));
		this.runner.withPropertyValues("deepseek.api-key=")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void notRequiredStillCreatesTheModelOnceABackendIsConfigured() {
		this.runner.withPropertyValues("deepseek.required=false", "deepseek.api-key=sk-test-dummy-key")
			.withConfiguration(AutoConfigurations.of(ChatClientAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekChatModel.class)
				.hasSingleBean(ChatClient.Builder.class));
	}

	@Test
	void notRequiredStillCreatesTheModelForALocalRuntime() {
		this.runner.withPropertyValues("deepseek.required=false", "deepseek.local.base-url=http://127.0.0.1:9")
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekChatModel.class));
	}

	@Test
	void anEmptyLocalUrlConfiguresNoLocalRuntime() {
		// DEEPSEEK_LOCAL_BASE_URL= as a template leaves it: no runtime client with an empty address.
		for (String property : List.of("deepseek.local.base-url=", "deepseek.local.base-url=  ")) {
			this.runner.withPropertyValues("deepseek.required=false", property)
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(io.github.deepseekspring.local.LocalRuntime.class)
					.doesNotHaveBean(ChatModel.class));
		}
	}

	@Test
	void notRequiredStillCreatesTheModelForTheUsersOwnClients() {
		this.runner.withPropertyValues("deepseek.required=false")
			.withUserConfiguration(LocalPortConfiguration.class)
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).routingMode())
				.isEqualTo(RoutingMode.LOCAL));
		this.runner.withPropertyValues("deepseek.required=false")
			.withBean(DeepSeekApi.class,
					() -> DeepSeekApi.builder().baseUrl("http://127.0.0.1:9").apiKey(DUMMY_KEY).build())
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).remoteApi()).isPresent());
		this.runner.withPropertyValues("deepseek.required=false")
			.withBean(LocalRuntimeConnectionDetails.class, () -> () -> List.of(URI.create("http://127.0.0.1:11")))
			.run((context) -> assertThat(context).hasSingleBean(DeepSeekChatModel.class));
	}

	@Test
	void disabledContributesNothing() {
		this.runner.withPropertyValues("deepseek.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatModel.class));
	}

	@Test
	void circuitBreakersFollowTheirProperties() {
		this.runner
			.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.circuit-breaker.window=20",
					"deepseek.circuit-breaker.open-for=5s")
			.run((context) -> {
				var config = context.getBean(CircuitBreakers.class).of(BackendKind.REMOTE).getCircuitBreakerConfig();
				assertThat(config.getSlidingWindowSize()).isEqualTo(20);
				assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
				assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(5000L);
			});
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.circuit-breaker.open-for=0s")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("deepseek.circuit-breaker.open-for"));
	}

	@Test
	void invalidValuesFailNamingTheProperty() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.timeouts.idle=0s")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("deepseek.timeouts.idle"));
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.chat.max-tokens=0")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("deepseek.chat.max-tokens"));
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.base-url=not a url")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("deepseek.base-url"));
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.routing.mode=sideways")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("deepseek.routing.mode"));
	}

	@Test
	void everyInvalidValueReachesBootsBindingValidationReport() {
		this.runner
			.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.retry.max-attempts=0",
					"deepseek.timeouts.idle=-1s", "deepseek.pricing.local.output=-1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(BindValidationException.class,
						(failure) -> assertThat(failure.getValidationErrors().getAllErrors())
							.extracting(ObjectError::getDefaultMessage)
							.containsExactlyInAnyOrder(
									"deepseek.retry.max-attempts must be at least 1 (1 disables retries)",
									"deepseek.timeouts.idle must be a positive duration",
									"deepseek.pricing.local prices must be zero or more")));
	}

	@Test
	void aPropertiesInstanceValidatesOthers() {
		// Tools (and the deployment tests) bind an environment with a fresh instance as validator.
		DeepSeekProperties validator = new DeepSeekProperties();
		DeepSeekProperties invalid = new DeepSeekProperties();
		invalid.getRetry().setMaxAttempts(0);
		assertThat(validator.supports(DeepSeekProperties.class)).isTrue();
		Errors errors = new BeanPropertyBindingResult(invalid, "deepseek");
		validator.validate(invalid, errors);
		assertThat(errors.getFieldErrors()).extracting(FieldError::getField).containsExactly("retry.maxAttempts");
	}

	@Test
	void theKeyNeverShowsInToStrings() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY).run((context) -> {
			assertThat(context.getBean(DeepSeekProperties.class).toString()).doesNotContain(DUMMY_KEY);
			assertThat(context.getBean(DeepSeekConnectionDetails.class).toString()).doesNotContain(DUMMY_KEY);
			assertThat(context.getBean(DeepSeekApi.class).toString()).doesNotContain(DUMMY_KEY);
			assertThat(context.getBean(DeepSeekChatModel.class).toString()).doesNotContain(DUMMY_KEY);
		});
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY)
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context.getBean(PriceTable.class)).isSameAs(UserBeans.PRICES);
				assertThat(context.getBean("deepseekChatModel")).isSameAs(UserBeans.MODEL);
			});
	}

	@Test
	void aLocalPortAloneGivesALocalChatModel() {
		this.runner.withUserConfiguration(LocalPortConfiguration.class).run((context) -> {
			DeepSeekChatModel model = context.getBean(DeepSeekChatModel.class);
			assertThat(model.routingMode()).isEqualTo(RoutingMode.LOCAL);
			assertThat(model.remoteApi()).isEmpty();
		});
	}

	@Test
	void aLocalBaseUrlGivesALocalRuntimeClient() {
		this.runner.withPropertyValues("deepseek.local.base-url=http://127.0.0.1:9", "deepseek.local.model=deepseek-r1:7b")
			.run((context) -> {
				assertThat(context).hasSingleBean(io.github.deepseekspring.local.LocalRuntime.class)
					.hasSingleBean(LocalChatPort.class);
				assertThat(context.getBean(DeepSeekChatModel.class).routingMode()).isEqualTo(RoutingMode.LOCAL);
			});
		this.runner.withPropertyValues("deepseek.local.endpoints[0].url=http://127.0.0.1:9",
				"deepseek.local.endpoints[1].url=http://127.0.0.1:10", "deepseek.local.endpoints[1].weight=2")
			.run((context) -> assertThat(context.getBean(io.github.deepseekspring.local.LocalRuntime.class).endpoints())
				.hasSize(2));
	}

	@Test
	void localConnectionDetailsWinOverProperties() {
		this.runner.withPropertyValues("deepseek.local.base-url=http://127.0.0.1:9")
			.withBean(LocalRuntimeConnectionDetails.class, () -> () -> List.of(URI.create("http://127.0.0.1:11")))
			.run((context) -> assertThat(context.getBean(io.github.deepseekspring.local.LocalRuntime.class).endpoints())
				.singleElement()
				.satisfies((endpoint) -> assertThat(endpoint.url()).isEqualTo("http://127.0.0.1:11")));
		this.runner.withBean(LocalRuntimeConnectionDetails.class, () -> () -> List.of(URI.create("http://127.0.0.1:11")))
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).routingMode())
				.isEqualTo(RoutingMode.LOCAL));
	}

	@Test
	void bothBackendsDefaultToRemoteFirst() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY)
			.withUserConfiguration(LocalPortConfiguration.class)
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).routingMode())
				.isEqualTo(RoutingMode.REMOTE_FIRST));
	}

	@Test
	void coexistsWithSpringAiOpenAiStarter() {
		ApplicationContextRunner both = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class, OpenAiChatAutoConfiguration.class,
					ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
			.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "spring.ai.openai.api-key=sk-test-dummy-openai");
		both.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(ChatModel.class)).hasSize(2);
			assertThat(context.getBean(ChatModel.class)).isInstanceOf(DeepSeekChatModel.class);
			assertThat(context).hasSingleBean(ChatClient.Builder.class);
		});
		both.withPropertyValues("spring.ai.model.chat=openai").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(DeepSeekChatModel.class);
			assertThat(context).hasSingleBean(ChatModel.class);
		});
		both.withPropertyValues("spring.ai.model.chat=deepseek").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ChatModel.class)).isInstanceOf(DeepSeekChatModel.class);
			assertThat(context).hasSingleBean(ChatModel.class);
		});
	}

	@Test
	void strictToolsAreADefaultOption() {
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY, "deepseek.chat.strict-tools=true")
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).getOptions().isStrictTools()).isTrue());
		this.runner.withPropertyValues("deepseek.api-key=" + DUMMY_KEY)
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).getOptions().getStrictTools()).isNull());
	}

	@Test
	void visionModelsDecideWhichBackendTakesImages() {
		try (DeepSeekSimulator deepseek = DeepSeekSimulator.start().withVisionModels("deepseek-v4-pro")) {
			Prompt photo = new Prompt(UserMessage.builder()
				.text("What is in this photo?")
				.media(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(TestImages.png()).build())
				.build());
			this.runner
				.withPropertyValues("deepseek.api-key=" + deepseek.apiKey(), "deepseek.base-url=" + deepseek.baseUrl(),
						"deepseek.chat.model=deepseek-v4-pro", "deepseek.chat.vision-models=deepseek-v4-pro",
						"deepseek.local.base-url=http://127.0.0.1:9", "deepseek.local.protocol=openai",
						"deepseek.local.vision-models=llava:7b", "deepseek.routing.mode=remote")
				.run((context) -> {
					assertThat(context.getBean(DeepSeekChatModel.class).call(photo).getResult().getOutput().getText())
						.isEqualTo("Echo: What is in this photo? [image: PNG]");
					assertThat(context.getBean(LocalChatPort.class).vision("llava:7b"))
						.isEqualTo(LocalChatPort.Vision.DATA_AND_LINKS);
					assertThat(context.getBean(LocalChatPort.class).vision("qwen2.5:7b")).isEqualTo(LocalChatPort.Vision.NONE);
				});
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final PriceTable PRICES = PriceTable.defaults();

		static final DeepSeekChatModel MODEL = DeepSeekChatModel.builder()
			.remote("http://127.0.0.1:9", DUMMY_KEY)
			.build();

		@Bean
		PriceTable myPrices() {
			return PRICES;
		}

		@Bean
		DeepSeekChatModel deepseekChatModel() {
			return MODEL;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LocalPortConfiguration {

		@Bean
		LocalChatPort localChatPort() {
			return new LocalChatPort() {
				@Override
				public Reply chat(Request request) {
					throw new UnsupportedOperationException("not called in wiring tests");
				}

				@Override
				public Flow.Publisher<Delta> chatStream(Request request) {
					throw new UnsupportedOperationException("not called in wiring tests");
				}

				@Override
				public Reply generate(String model, String prefix, String suffix, Integer maxTokens) {
					throw new UnsupportedOperationException("not called in wiring tests");
				}
			};
		}

	}

}
