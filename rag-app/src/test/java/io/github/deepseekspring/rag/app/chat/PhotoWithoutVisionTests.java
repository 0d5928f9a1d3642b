package io.github.deepseekspring.rag.app.chat;

import java.util.List;
import java.util.Map;

import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the starter's routing finds no backend that sees images ({@code deepseek.chat.vision-models} names another
 * model than the one in use), the photo question is refused before anything is sent, and the customer is told the
 * photos cannot be read right now and offered a human agent: never an answer that ignores the photos.
 */
@ChatAppTest
@TestPropertySource(properties = "deepseek.chat.vision-models=deepseek-v4-pro")
class PhotoWithoutVisionTests {

	@Autowired
	DeepSeekSimulator deepseek;

	@Value("${local.server.port}")
	int port;

	@Test
	void theRoutingRefusalBecomesAnOfferOfAHuman() {
		this.deepseek.reset();
		ChatHttp http = new ChatHttp(this.port);
		String photo = PhotoQuestionTests.dataUrl(TestImages.jpeg(), "image/jpeg");
		ChatHttp.Response reply = http.post("/api/chat",
				ChatHttp.body(Map.of("message", "YF-AX3000 这个灯是什么意思？", "images", List.of(photo))));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().path("mode").asString()).isEqualTo("not-covered");
		assertThat(reply.body().path("answer").asString()).contains("暂时无法识别图片").contains("人工客服");
		List<ChatHttp.Event> events = http.stream(ChatHttp.body(Map.of("message", "YF-AX3000 这个灯是什么意思？",
				"images", List.of(photo))));
		assertThat(ChatHttp.joined(events, "token")).contains("暂时无法识别图片");
		// refused by the routing: the image never reached the API
		assertThat(this.deepseek.requests().all()).noneMatch((request) -> request.body().contains("image_url"));
	}

}
