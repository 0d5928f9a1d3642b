package io.github.deepseekspring.model.sim;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.model.api.RequestTooLargeException;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.image.ImageRejectedException;
import io.github.deepseekspring.model.local.LocalRuntimePort;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.github.deepseekspring.model.routing.UnsupportedRequestException;
import io.github.deepseekspring.testkit.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A customer's photo on a user message reaches a model that sees it, as data or as a link; limits are checked before
 * anything is sent; an image never goes to a backend that would drop it.
 */
class ImageInputSimulatorTests extends LocalRuntimeSimulatorSupport {

	@BeforeEach
	void installVisionModel() {
		ollama.withModel("llava:7b");
	}

	private static DeepSeekChatModel remote() {
		return DeepSeekChatModel.builder().remote(sim.baseUrl().toString(), sim.apiKey()).retryPolicy(RetryPolicy.none()).build();
	}

	private DeepSeekChatModel both(RoutingMode mode, String localModel) {
		return DeepSeekChatModel.builder()
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.local(new LocalRuntimePort(runtime), localModel, null, 4)
			.routingMode(mode)
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	private static Prompt photo(Media... media) {
		return new Prompt(UserMessage.builder().text("What is in this photo?").media(media).build());
	}

	private static JsonNode lastImagePart() {
		return sim.requests().last().json().path("messages").get(0).path("content").get(1);
	}

	@Test
	void bytesAndResourcesTravelAsDataUrlsInCallsAndStreams() {
		Media bytes = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(TestImages.png()).build();
		ChatResponse called = remote().call(photo(bytes));
		assertThat(called.getResult().getOutput().getText()).isEqualTo("Echo: What is in this photo? [image: PNG]");
		assertThat(lastImagePart().path("type").asString()).isEqualTo("image_url");
		assertThat(lastImagePart().path("image_url").path("url").asString()).startsWith("data:image/png;base64,");

		// declared as PNG, but JPEG bytes: sent as what they are, as the API reads them
		Media resource = new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(TestImages.jpeg()));
		String streamed = remote().stream(photo(resource)).map(r -> r.getResult().getOutput().getText())
			.reduce("", String::concat).block();
		assertThat(streamed).isEqualTo("Echo: What is in this photo? [image: JPEG]");
		assertThat(lastImagePart().path("image_url").path("url").asString()).startsWith("data:image/jpeg;base64,");
	}

	@Test
	void linksArePassedAsTheyAre() {
		Media link = Media.builder().mimeType(MimeTypeUtils.IMAGE_JPEG).data(URI.create("https://example.com/router.jpg")).build();
		assertThat(remote().call(photo(link)).getResult().getOutput().getText()).endsWith("[image: link]");
		assertThat(lastImagePart().path("image_url").path("url").asString()).isEqualTo("https://example.com/router.jpg");
	}

	@Test
	void imagesTheApiWouldRefuseAreRefusedBeforeSendingNamingTheLimit() {
		assertThatThrownBy(() -> remote().call(photo(new Media(MimeType.valueOf("application/pdf"), URI.create("https://e.com/a.pdf")))))
			.isInstanceOf(ImageRejectedException.class)
			.hasMessageContaining("Only images (JPEG, PNG, GIF or WebP)");
		assertThatThrownBy(() -> remote().call(photo(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(new byte[] { 1, 2, 3 }).build())))
			.isInstanceOf(ImageRejectedException.class)
			.hasMessageContaining("is not a JPEG, PNG, GIF or WebP image");
		byte[] huge = Arrays.copyOf(TestImages.png(), 33 * 1024 * 1024);
		assertThatThrownBy(() -> remote().call(photo(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(huge).build())))
			.isInstanceOf(ImageRejectedException.class)
			.hasMessageContaining("at most 32 MiB");
		assertThatThrownBy(() -> remote().call(photo(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
			.data(URI.create("https://example.com/" + "a".repeat(8200))).build())))
			.isInstanceOf(ImageRejectedException.class)
			.hasMessageContaining("at most 8192 characters");
		assertThatThrownBy(() -> remote().call(photo(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
			.data(URI.create("file:///tmp/photo.png")).build())))
			.isInstanceOf(ImageRejectedException.class)
			.hasMessageContaining("only http(s) links");
		byte[] big = Arrays.copyOf(TestImages.png(), 25 * 1024 * 1024);
		Media first = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(big).build();
		Media second = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(big.clone()).build();
		assertThatThrownBy(() -> remote().call(photo(first, second))).isInstanceOf(RequestTooLargeException.class)
			.hasMessageContaining("limit of 48.0 MiB");
		assertThat(sim.requests().count()).as("nothing was sent").isZero();
	}

	@Test
	void aModelThatCannotSeeNeverGetsTheImage() {
		DeepSeekChatModel pro = DeepSeekChatModel.builder()
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.defaultOptions(DeepSeekChatOptions.builder().model("deepseek-v4-pro").build())
			.build();
		Media png = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(TestImages.png()).build();
		assertThatThrownBy(() -> pro.call(photo(png))).isInstanceOf(UnsupportedRequestException.class)
			.hasMessageContaining("model deepseek-v4-pro takes no images");
		assertThat(sim.requests().count()).isZero();
	}

	@Test
	void aLocalVisionModelSeesImagesAsData() {
		Media png = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(TestImages.png()).build();
		ChatResponse response = both(RoutingMode.LOCAL, "llava:7b").call(photo(png));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Echo: What is in this photo? [image: PNG]");
		JsonNode sent = ollama.requests().all().stream().filter(r -> r.path().equals("/api/chat")).reduce((a, b) -> b)
			.orElseThrow().json();
		assertThat(sent.path("messages").get(0).path("images")).hasSize(1);
	}

	@Test
	void anImageSkipsALocalModelThatCannotSeeIt() {
		Media png = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(TestImages.png()).build();
		ChatResponse answered = both(RoutingMode.LOCAL_FIRST, "deepseek-r1:7b").call(photo(png));
		assertThat(answered.getResult().getOutput().getMetadata()).containsEntry(DeepSeekMetadata.BACKEND, "remote");
		assertThat(ollama.requests().count("/api/chat")).isZero();

		// a link the native Ollama API cannot fetch goes to the API even with a vision model locally
		Media link = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(URI.create("https://example.com/a.png")).build();
		assertThat(both(RoutingMode.LOCAL_FIRST, "llava:7b").call(photo(link)).getResult().getOutput().getMetadata())
			.containsEntry(DeepSeekMetadata.BACKEND, "remote");

		assertThatThrownBy(() -> both(RoutingMode.LOCAL, "deepseek-r1:7b").call(photo(png)))
			.isInstanceOf(UnsupportedRequestException.class)
			.hasMessageContaining("local model deepseek-r1:7b takes no images");
		assertThat(ollama.requests().count("/api/chat")).isZero();
	}

	@Test
	void declaredVisionModelsOfAnOpenAiCompatibleRuntimeGetImageParts() {
		try (LocalRuntime openAi = LocalRuntimes.builder().protocol("openai").endpoint(ollama.baseUrl().toString())
			.healthCheckInterval(Duration.ZERO).build()) {
			DeepSeekChatModel model = DeepSeekChatModel.builder()
				.local(new LocalRuntimePort(openAi, List.of("llava:7b")), "llava:7b", null, 4)
				.build();
			Media png = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(TestImages.png()).build();
			assertThat(model.call(photo(png)).getResult().getOutput().getText()).isEqualTo("Echo: What is in this photo? [image: PNG]");
			JsonNode part = ollama.requests().last().json().path("messages").get(0).path("content").get(1);
			assertThat(part.path("image_url").path("url").asString()).startsWith("data:image/png;base64,");
		}
	}

}
