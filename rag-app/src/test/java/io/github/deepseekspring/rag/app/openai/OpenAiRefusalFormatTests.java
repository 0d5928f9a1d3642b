package io.github.deepseekspring.rag.app.openai;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits' refusals in OpenAI's error shape, for the facade's paths only. */
class OpenAiRefusalFormatTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final OpenAiRefusalFormat format = new OpenAiRefusalFormat(this.json);

	@Test
	void speaksForTheFacadesPathsOnly() {
		assertThat(this.format.appliesTo(new MockHttpServletRequest("POST", "/v1/chat/completions"))).isTrue();
		assertThat(this.format.appliesTo(new MockHttpServletRequest("POST", "/api/chat"))).isFalse();
		assertThat(this.format.appliesTo(new MockHttpServletRequest("GET", "/v1beta/models"))).isFalse();
		MockHttpServletRequest underContextPath = new MockHttpServletRequest("POST", "/shop/v1/completions");
		underContextPath.setContextPath("/shop");
		assertThat(this.format.appliesTo(underContextPath)).isTrue();
	}

	@Test
	void eachRefusalHasOpenAisTypeAndCode() throws Exception {
		assertThat(body(HttpStatus.TOO_MANY_REQUESTS)).isEqualTo(
				"{\"error\":{\"message\":\"refused\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
		JsonNode tooLarge = this.json.readTree(body(HttpStatus.CONTENT_TOO_LARGE)).get("error");
		assertThat(tooLarge.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(tooLarge.get("code").asString()).isEqualTo("request_too_large");
		JsonNode busy = this.json.readTree(body(HttpStatus.SERVICE_UNAVAILABLE)).get("error");
		assertThat(busy.get("type").asString()).isEqualTo("server_error");
		assertThat(busy.get("message").asString()).isEqualTo("refused");
	}

	private String body(HttpStatus status) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.format.write(new MockHttpServletRequest("POST", "/v1/chat/completions"), response, status, "refused");
		assertThat(response.getContentType()).startsWith("application/json");
		return response.getContentAsString();
	}

}
