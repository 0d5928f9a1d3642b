package io.github.deepseekspring.model.chat;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * Wraps calls and streams in Spring AI's {@code gen_ai.client.operation} observation, so Spring AI's observation
 * handlers (token usage meters, tracing) see DeepSeek like any other provider.
 */
final class ChatObservations {

	static final String PROVIDER = "deepseek";

	private final ObservationRegistry registry;

	private final ChatModelObservationConvention convention;

	ChatObservations(ObservationRegistry registry, ChatModelObservationConvention convention) {
		this.registry = registry != null ? registry : ObservationRegistry.NOOP;
		this.convention = convention;
	}

	ChatResponse observeCall(Prompt prompt, Supplier<ChatResponse> call) {
		if (this.registry.isNoop()) {
			return call.get();
		}
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider(PROVIDER)
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(this.convention, Defaults.CONVENTION, () -> context, this.registry)
			.observe(() -> {
				ChatResponse response = call.get();
				context.setResponse(response);
				return response;
			});
	}

	Flux<ChatResponse> observeStream(Prompt prompt, Flux<ChatResponse> stream) {
		if (this.registry.isNoop()) {
			return stream;
		}
		return Flux.deferContextual(contextView -> {
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(prompt)
				.provider(PROVIDER)
				.streaming(true)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(
					this.convention, Defaults.CONVENTION, () -> context, this.registry);
			observation.parentObservation(contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
			observation.start();
			StringBuilder text = new StringBuilder();
			return stream.doOnNext(response -> {
				if (response.getResult() != null && response.getResult().getOutput().getText() != null) {
					text.append(response.getResult().getOutput().getText());
				}
				if (response.getMetadata().getUsage() instanceof DeepSeekUsage) {
					context.setResponse(response);
				}
			})
				.doOnError(observation::error)
				.doFinally(signal -> {
					context.put(DeepSeekMetadata.OBSERVED_STREAM_TEXT, text.toString());
					context.put(DeepSeekMetadata.OBSERVED_STREAM_END, signal.toString());
					observation.stop();
				})
				.contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * Spring AI's convention and the observation classes it pulls in are loaded on the first observed call, not when
	 * the model is built, so an application without observations pays nothing for them at start-up.
	 */
	private static final class Defaults {

		static final ChatModelObservationConvention CONVENTION = new DefaultChatModelObservationConvention();

	}

}
