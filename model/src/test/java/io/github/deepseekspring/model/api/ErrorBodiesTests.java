package io.github.deepseekspring.model.api;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorBodiesTests {

	private static HttpHeaders headers(Map<String, List<String>> map) {
		return HttpHeaders.of(map, (a, b) -> true);
	}

	@Test
	void mapsStatusesToTypedExceptionsWithDeepSeeksMessage() {
		String body = "{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"code\":\"invalid_request_error\"}}";
		DeepSeekApiException e = ErrorBodies.toException(402, headers(Map.of()), body, JsonMapper.builder().build(), "sk-test-dummy-key");
		assertThat(e).isInstanceOf(DeepSeekApiException.InsufficientBalance.class);
		assertThat(e.getMessage()).contains("Insufficient Balance").contains("402");
		assertThat(e.isRetryable()).isFalse();
		assertThat(DeepSeekApiException.of(400, null, "x", null)).isInstanceOf(DeepSeekApiException.BadRequest.class);
		assertThat(DeepSeekApiException.of(401, null, "x", null)).isInstanceOf(DeepSeekApiException.AuthenticationFailed.class);
		assertThat(DeepSeekApiException.of(422, null, "x", null)).isInstanceOf(DeepSeekApiException.InvalidParameters.class);
		assertThat(DeepSeekApiException.of(500, null, "x", null).isRetryable()).isTrue();
		assertThat(DeepSeekApiException.of(503, null, "x", null)).isInstanceOf(DeepSeekApiException.ServerOverloaded.class);
	}

	@Test
	void readsRetryAfterSecondsOn429() {
		DeepSeekApiException e = ErrorBodies.toException(429, headers(Map.of("retry-after", List.of("2"))), "busy",
				JsonMapper.builder().build(), null);
		assertThat(e).isInstanceOf(DeepSeekApiException.RateLimited.class);
		assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
		assertThat(e.getMessage()).contains("busy");
	}

	@Test
	void neverLeaksTheKeyEvenWhenTheServerEchoesIt() {
		String key = "sk-test-dummy-key";
		DeepSeekApiException e = ErrorBodies.toException(401, headers(Map.of()),
				"{\"error\":{\"message\":\"Authentication Fails, Your api key: " + key + " is invalid\"}}",
				JsonMapper.builder().build(), key);
		assertThat(e.getMessage()).doesNotContain(key).contains("Authentication Fails");
	}

	@Test
	void apiToStringHidesTheKey() {
		DeepSeekApi api = DeepSeekApi.builder().baseUrl("http://127.0.0.1:1").apiKey("sk-test-dummy-key").build();
		assertThat(api.toString()).doesNotContain("sk-test-dummy-key");
	}

}
