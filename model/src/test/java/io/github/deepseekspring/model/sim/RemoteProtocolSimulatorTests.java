package io.github.deepseekspring.model.sim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.model.api.Balance;
import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.api.Logprobs;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.model.completion.CodeCompletion;
import io.github.deepseekspring.model.cost.PriceTable;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.deepseek.UsageStyle;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.Prompt;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DeepSeek protocol rules, against the testkit's DeepSeek simulator. */
class RemoteProtocolSimulatorTests extends DeepSeekSimulatorSupport {

	// Wednesday 10:30 Beijing: peak prices
	static final Clock PEAK = Clock.fixed(Instant.parse("2026-11-25T02:30:00Z"), ZoneOffset.UTC);

	static DeepSeekChatModel model(DeepSeekSimulator sim, SimpleMeterRegistry registry) {
		return DeepSeekChatModel.builder()
			.api(DeepSeekApi.builder().baseUrl(sim.baseUrl()).apiKey(sim.apiKey()).build())
			.retryPolicy(RetryPolicy.none())
			.clock(PEAK)
			.meterRegistry(registry)
			.build();
	}

	@Test
	void thinkingCallReturnsReasoningOnTheMessage() {
		sim.onUserMessage("capital", ScriptedReply.text("Beijing.").withReasoning("The capital of China is Beijing."));
		ChatResponse response = model(sim, new SimpleMeterRegistry()).call(new Prompt("What is the capital of China?"));

		AssistantMessage message = response.getResult().getOutput();
		assertThat(message.getText()).isEqualTo("Beijing.");
		assertThat(DeepSeekMetadata.reasoning(message)).contains("The capital of China is Beijing.");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("stop");
	}

	@Test
	void thinkingOffSendsDisabledAndKeepsTemperature() {
		DeepSeekChatOptions plain = DeepSeekChatOptions.builder().thinking(false).temperature(0.1).build();
		ChatResponse response = model(sim, new SimpleMeterRegistry()).call(new Prompt("hello there", plain));

		JsonNode sent = sim.requests().last().json();
		assertThat(sent.path("thinking").path("type").asString()).isEqualTo("disabled");
		assertThat(sent.path("temperature").asDouble()).isEqualTo(0.1);
		assertThat(sent.path("model").asString()).isEqualTo("deepseek-flash");
		assertThat(response.getResult().getOutput().getText()).contains("hello there");
		assertThat(DeepSeekMetadata.reasoning(response.getResult().getOutput())).isEmpty();
	}

	@Test
	void thinkingOnDropsTemperature() {
		model(sim, new SimpleMeterRegistry()).call(new Prompt("hi", DeepSeekChatOptions.builder().thinking(true).temperature(0.5).build()));
		JsonNode sent = sim.requests().last().json();
		assertThat(sent.path("thinking").path("type").asString()).isEqualTo("enabled");
		assertThat(sent.has("temperature")).isFalse();
	}

	@Test
	void streamAggregationKeepsReasoningAndUsage() {
		sim.onUserMessage("story", ScriptedReply.text("Once upon a time there was a router.").withReasoning("Keep it short."));
		List<ChatResponse> chunks = model(sim, new SimpleMeterRegistry()).stream(new Prompt("Tell a story")).collectList().block();

		StringBuilder text = new StringBuilder();
		StringBuilder reasoning = new StringBuilder();
		chunks.forEach(c -> {
			text.append(c.getResult().getOutput().getText());
			DeepSeekMetadata.reasoningDelta(c.getResult().getOutput()).ifPresent(reasoning::append);
		});
		assertThat(text).hasToString("Once upon a time there was a router.");
		assertThat(reasoning).hasToString("Keep it short.");
		assertThat(chunks.size()).as("streamed in pieces").isGreaterThan(2);

		ChatResponse[] aggregated = new ChatResponse[1];
		new MessageAggregator().aggregate(reactor.core.publisher.Flux.fromIterable(chunks), r -> aggregated[0] = r).blockLast();
		AssistantMessage whole = aggregated[0].getResult().getOutput();
		assertThat(whole.getText()).isEqualTo("Once upon a time there was a router.");
		assertThat(DeepSeekMetadata.reasoning(whole)).contains("Keep it short.");
		assertThat(aggregated[0].getMetadata().getUsage().getTotalTokens()).isPositive();
		assertThat(whole.getMetadata()).containsKey(DeepSeekMetadata.CACHE_HIT_TOKENS).containsKey(DeepSeekMetadata.COST_CNY);
	}

	@Test
	void keepAlivesWhileQueuedDoNotBreakCallOrStream() {
		DeepSeekChatModel model = model(sim, new SimpleMeterRegistry());
		sim.faults().queue(Duration.ofMillis(400));
		assertThat(model.call(new Prompt("queued call")).getResult().getOutput().getText()).contains("queued call");
		sim.faults().queue(Duration.ofMillis(400));
		String streamed = model.stream(new Prompt("queued stream"))
			.map(c -> c.getResult().getOutput().getText())
			.reduce("", String::concat)
			.block();
		assertThat(streamed).contains("queued stream");
	}

	@Test
	void secondTurnHitsTheCacheAndCostsLess() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		DeepSeekChatModel model = model(sim, registry);
		String longSystem = "You are the support assistant of a router company. ".repeat(40);
		List<Message> first = new ArrayList<>(List.of(new org.springframework.ai.chat.messages.SystemMessage(longSystem), new UserMessage("first question")));
		ChatResponse one = model.call(new Prompt(first));
		first.add(one.getResult().getOutput());
		first.add(new UserMessage("second question"));
		ChatResponse two = model.call(new Prompt(first));

		DeepSeekUsage u1 = (DeepSeekUsage) one.getMetadata().getUsage();
		DeepSeekUsage u2 = (DeepSeekUsage) two.getMetadata().getUsage();
		assertThat(u2.cacheHitTokens()).isPositive();
		assertThat(u2.cacheHitTokens() + u2.cacheMissTokens()).isEqualTo(u2.promptTokens());
		BigDecimal expected = PriceTable.defaults().remoteCost("deepseek-flash", u2.cacheHitTokens(), u2.cacheMissTokens(), u2.completionTokens(), PEAK.instant());
		assertThat(DeepSeekMetadata.cost(two.getMetadata().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))))
			.hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo(expected));
		assertThat(u1.cacheHitTokens()).isLessThan(u2.cacheHitTokens());
		assertThat(registry.get("deepseek.tokens").tag("type", "cache_hit").counter().count()).isEqualTo(u1.cacheHitTokens() + u2.cacheHitTokens());
		assertThat(registry.get("deepseek.cost").counter().count()).isPositive();
	}

	@ParameterizedTest
	@EnumSource(UsageStyle.class)
	void everyUsageShapeIsReadInCallsAndStreams(UsageStyle style) {
		sim.withUsageStyle(style);
		DeepSeekChatModel model = model(sim, new SimpleMeterRegistry());
		String longSystem = "You answer questions about routers. ".repeat(40);
		List<Message> conversation = List.of(new org.springframework.ai.chat.messages.SystemMessage(longSystem),
				new UserMessage("first question"));
		model.call(new Prompt(conversation));

		DeepSeekUsage called = (DeepSeekUsage) model.call(new Prompt(conversation)).getMetadata().getUsage();
		List<ChatResponse> chunks = model.stream(new Prompt(conversation)).collectList().block();
		DeepSeekUsage streamed = (DeepSeekUsage) chunks.get(chunks.size() - 1).getMetadata().getUsage();

		for (DeepSeekUsage usage : List.of(called, streamed)) {
			assertThat(usage.promptTokens()).isPositive();
			assertThat(usage.completionTokens()).isPositive();
			assertThat(usage.cacheHitTokens() + usage.cacheMissTokens()).isEqualTo(usage.promptTokens());
			if (style == UsageStyle.LEAN) {
				assertThat(usage.cacheHitTokens()).as("a lean answer reports no cache hits").isZero();
			}
			else {
				assertThat(usage.cacheHitTokens()).as("the repeated prompt hit the cache").isPositive();
			}
			assertThat(usage.costCny()).isPositive();
		}
	}

	@Test
	void logprobsReachTheGenerationInCallsAndStreams() {
		sim.onUserMessage("likely", ScriptedReply.text("Quite likely so."));
		DeepSeekChatModel model = model(sim, new SimpleMeterRegistry());
		DeepSeekChatOptions logprobs = DeepSeekChatOptions.builder().logprobs(true).topLogprobs(3).build();

		ChatResponse called = model.call(new Prompt("how likely?", logprobs));
		Logprobs whole = DeepSeekMetadata.logprobs(called.getResult()).orElseThrow();
		assertThat(whole.content().stream().map(Logprobs.TokenLogprob::token).reduce("", String::concat))
			.isEqualTo("Quite likely so.");
		assertThat(whole.content().get(0).topLogprobs()).hasSize(3);
		assertThat(sim.requests().last().json().path("top_logprobs").asInt()).isEqualTo(3);

		List<ChatResponse> chunks = model.stream(new Prompt("how likely?", logprobs)).collectList().block();
		StringBuilder perChunk = new StringBuilder();
		chunks.forEach(chunk -> DeepSeekMetadata.logprobsDelta(chunk.getResult())
			.ifPresent(delta -> delta.content().forEach(token -> perChunk.append(token.token()))));
		assertThat(perChunk).hasToString("Quite likely so.");
		ChatResponse[] aggregated = new ChatResponse[1];
		new MessageAggregator().aggregate(reactor.core.publisher.Flux.fromIterable(chunks), r -> aggregated[0] = r).blockLast();
		assertThat(DeepSeekMetadata.logprobs(aggregated[0].getResult()).orElseThrow().content())
			.hasSameSizeAs(whole.content());

		assertThat(DeepSeekMetadata.logprobs(model.call(new Prompt("how likely?")).getResult())).as("not asked for").isEmpty();
	}

	@Test
	void fimCompletionUsesTheBetaEndpointWithoutThinking() {
		CodeCompletion completion = model(sim, new SimpleMeterRegistry()).complete("def add(a, b):\n    ", "\n\nprint(add(1, 2))",
				DeepSeekChatOptions.builder().maxTokens(64).build());
		assertThat(completion.text()).isNotBlank();
		assertThat(completion.backend()).isEqualTo("remote");
		assertThat(sim.requests().last().path()).endsWith("/beta/completions");
		JsonNode sent = sim.requests().last().json();
		assertThat(sent.path("prompt").asString()).startsWith("def add");
		assertThat(sent.path("suffix").asString()).contains("print");
		assertThat(sent.has("thinking")).isFalse();
	}

	@Test
	void balanceAndModels() {
		sim.withBalance("12.50", true);
		DeepSeekApi api = model(sim, new SimpleMeterRegistry()).remoteApi().orElseThrow();
		Balance balance = api.balance().block();
		assertThat(balance.available()).isTrue();
		assertThat(balance.balanceInfos()).anySatisfy(b -> assertThat(new BigDecimal(b.totalBalance())).isEqualByComparingTo("12.50"));
		assertThat(api.models().block().data()).isNotEmpty();
	}

	@Test
	void apiKeyNeverInMetricTagsOrErrors() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		DeepSeekChatModel model = model(sim, registry);
		model.call(new Prompt("hello"));
		sim.faults().failNext(1, 500);
		assertThatThrownBy(() -> model.call(new Prompt("fails"))).isInstanceOf(DeepSeekApiException.class)
			.satisfies(error -> assertThat(stackTraceOf(error)).doesNotContain(sim.apiKey()));
		assertThat(sim.requests().count("/chat/completions")).as("the failing call reached the API").isEqualTo(2);
		for (Meter meter : registry.getMeters()) {
			assertThat(meter.getId().toString()).doesNotContain(sim.apiKey());
		}
		assertThat(model.toString()).doesNotContain(sim.apiKey());
		assertThat(model.remoteApi().orElseThrow().toString()).doesNotContain(sim.apiKey());
	}

	private static String stackTraceOf(Throwable error) {
		java.io.StringWriter text = new java.io.StringWriter();
		error.printStackTrace(new java.io.PrintWriter(text));
		return text.toString();
	}

	@Test
	void springAiObservationsSeeDeepSeekUsage() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		io.micrometer.observation.ObservationRegistry observations = io.micrometer.observation.ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new org.springframework.ai.chat.observation.ChatModelMeterObservationHandler(meters));
		DeepSeekChatModel model = DeepSeekChatModel.builder()
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.observationRegistry(observations)
			.build();

		model.call(new Prompt("observed call"));
		model.stream(new Prompt("observed stream")).blockLast();

		assertThat(meters.find("gen_ai.client.token.usage").counters()).isNotEmpty()
			.allSatisfy(c -> assertThat(c.getId().getTags().toString()).contains("deepseek"));
		double total = meters.find("gen_ai.client.token.usage").tag("gen_ai.token.type", "total").counters().stream()
			.mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
		assertThat(total).isPositive();
	}

}
