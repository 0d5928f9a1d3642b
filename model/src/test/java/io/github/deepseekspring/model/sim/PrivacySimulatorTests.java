package io.github.deepseekspring.model.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.completion.CodeCompletion;
import io.github.deepseekspring.model.privacy.PrivacyMode;
import io.github.deepseekspring.model.resilience.NoBackendAvailableException;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.deepseekspring.model.routing.BackendRequest;
import io.github.deepseekspring.model.routing.ChatBackend;
import io.github.deepseekspring.model.routing.FakeBackend;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.github.deepseekspring.testkit.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Privacy modes of {@link DeepSeekChatModel}: what the DeepSeek API (simulated) and the local runtime receive. */
class PrivacySimulatorTests extends DeepSeekSimulatorSupport {

	private static final String QUESTION = "我的手机13812345678，邮箱zhangsan@example.com，订单 2023110512345675 到哪了？";

	private final RecordingBackend local = new RecordingBackend();

	private DeepSeekChatModel model(PrivacyMode mode, RoutingMode routing, boolean withLocal) {
		DeepSeekChatModel.Builder builder = DeepSeekChatModel.builder()
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.routingMode(routing)
			.retryPolicy(RetryPolicy.none())
			.privacyMode(mode);
		if (withLocal) {
			builder.local(this.local);
		}
		return builder.build();
	}

	private static Prompt prompt() {
		return new Prompt(List.of(new SystemMessage("客户卡号 6222021234567890128"), new UserMessage(QUESTION)));
	}

	@Test
	void maskingTheTextKeepsTheImage() {
		UserMessage photo = UserMessage.builder()
			.text(QUESTION)
			.media(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(TestImages.png()).build())
			.build();
		String answer = model(PrivacyMode.MASK, RoutingMode.REMOTE, false).call(new Prompt(photo)).getResult().getOutput().getText();
		assertThat(answer).contains("1381***5678").endsWith("[image: PNG]");
		assertThat(sim.requests().last().body()).doesNotContain("13812345678");
	}

	@Test
	void maskModeMasksWhatTheApiReceivesButKeepsOrderNumbers() {
		model(PrivacyMode.MASK, RoutingMode.REMOTE, false).call(prompt());
		String body = sim.requests().last().body();
		assertThat(body).doesNotContain("13812345678", "zhangsan@", "6222021234567890128")
			.contains("1381***5678", "zhan****@*******.com", "6222***********0128", "2023110512345675");
	}

	@Test
	void maskModeStreamsMaskedToo() {
		model(PrivacyMode.MASK, RoutingMode.REMOTE, false).stream(prompt()).blockLast();
		assertThat(sim.requests().last().body()).doesNotContain("13812345678").contains("1381***5678");
	}

	@Test
	void maskModeLeavesTheLocalRuntimeTheOriginal() {
		model(PrivacyMode.MASK, RoutingMode.LOCAL, true).call(prompt());
		assertThat(this.local.seen).singleElement()
			.satisfies(messages -> assertThat(messages.get(1).getText()).isEqualTo(QUESTION));
	}

	@Test
	void offModeSendsTheText() {
		model(PrivacyMode.OFF, RoutingMode.REMOTE, false).call(prompt());
		assertThat(sim.requests().last().body()).contains("13812345678");
	}

	@Test
	void localOnlyKeepsRequestsWithPersonalDataOffTheApi() {
		DeepSeekChatModel model = model(PrivacyMode.LOCAL_ONLY, RoutingMode.REMOTE_FIRST, true);
		model.call(prompt());
		assertThat(sim.requests().count()).isZero();
		assertThat(this.local.seen).hasSize(1);
		model.call(new Prompt("营业时间是几点？"));
		assertThat(sim.requests().count()).isEqualTo(1);
		assertThat(this.local.seen).hasSize(1);
	}

	@Test
	void localOnlyWithoutLocalRuntimeRefusesRatherThanLeaks() {
		assertThatThrownBy(() -> model(PrivacyMode.LOCAL_ONLY, RoutingMode.REMOTE, false).call(prompt()))
			.isInstanceOf(NoBackendAvailableException.class);
		assertThat(sim.requests().count()).isZero();
	}

	/** A local backend that records the conversations it receives. */
	static final class RecordingBackend implements ChatBackend {

		final List<List<Message>> seen = new CopyOnWriteArrayList<>();

		@Override
		public BackendKind kind() {
			return BackendKind.LOCAL;
		}

		@Override
		public Mono<ChatResponse> call(BackendRequest request) {
			return stream(request).last();
		}

		@Override
		public Flux<ChatResponse> stream(BackendRequest request) {
			return Flux.defer(() -> {
				this.seen.add(request.messages());
				return Flux.just(FakeBackend.token("local"));
			});
		}

		@Override
		public Mono<CodeCompletion> complete(String prefix, String suffix, DeepSeekChatOptions options) {
			return Mono.error(new UnsupportedOperationException());
		}

	}

}
