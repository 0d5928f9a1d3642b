package io.github.deepseekspring.model.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The token-stream chunk reader gives exactly what data binding gives, on every shape a chunk can take, and a protocol
 * error where data binding fails.
 */
class ChunkParserTests {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private final ChunkParser parser = new ChunkParser(MAPPER);

	static List<String> chunks() {
		String head = "\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1764400000,\"model\":\"deepseek-flash\","
				+ "\"system_fingerprint\":\"fp_1\",";
		return List.of(
				"{" + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
						+ "\"logprobs\":null,\"finish_reason\":null}]}",
				"{" + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" warranty\"},\"logprobs\":null,"
						+ "\"finish_reason\":null}]}",
				"{" + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"reasoning_content\":\"想一想\\u4e00\\n\"},"
						+ "\"finish_reason\":null}]}",
				"{" + head + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
						+ "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]},"
						+ "\"finish_reason\":null}]}",
				"{" + head + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
						+ "\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}",
				"{" + head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}",
				"{" + head + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":30,\"total_tokens\":42,"
						+ "\"prompt_cache_hit_tokens\":8,\"prompt_cache_miss_tokens\":4,"
						+ "\"completion_tokens_details\":{\"reasoning_tokens\":20},\"prompt_tokens_details\":{\"cached_tokens\":8}}}",
				"{" + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}],"
						+ "\"usage\":null}",
				"{\"choices\":[{\"index\":1,\"delta\":null,\"finish_reason\":\"length\"},{\"index\":2,\"delta\":"
						+ "{\"content\":\"b\",\"extra\":{\"deep\":[1,{\"x\":[]}]}}}],\"unknown\":[{\"a\":1}]}",
				"{\"id\":null,\"created\":null,\"choices\":null}",
				"{}",
				// shapes left to data binding: coercions and unusual types
				"{\"created\":\"1764400000\",\"choices\":[{\"index\":\"0\",\"delta\":{\"content\":123}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"prefix\":\"true\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"prefix\":true,\"name\":\"n\","
						+ "\"tool_call_id\":\"t\"}}]}",
				"  {\"id\":\"spaces\"}  ");
	}

	@ParameterizedTest
	@MethodSource("chunks")
	void readsWhatDataBindingReads(String json) {
		ChatCompletionChunk expected = MAPPER.readValue(json, ChatCompletionChunk.class);
		assertThat(parse(json)).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("malformed")
	void failsWhereDataBindingFails(String json) {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> MAPPER.readValue(json, ChatCompletionChunk.class));
		assertThatExceptionOfType(DeepSeekProtocolException.class).isThrownBy(() -> parse(json))
			.withCauseInstanceOf(JacksonException.class);
	}

	/** Parses the JSON from the middle of a larger array, as it lies in a network buffer. */
	private ChatCompletionChunk parse(String json) {
		byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
		byte[] buffer = new byte[utf8.length + 20];
		Arrays.fill(buffer, (byte) '}');
		System.arraycopy(utf8, 0, buffer, 7, utf8.length);
		return this.parser.parse(buffer, 7, utf8.length);
	}

	static List<String> malformed() {
		return List.of("{\"id\":\"c1\"", "{\"id\":\"c1\"} trailing", "[1,2]", "{\"choices\":[{\"index\":0,}]}",
				"{\"usage\":{\"prompt_tokens\":\"many\"}}", "",
				"{\"choices\":{\"index\":0}}", "{\"choices\":[{\"index\":4294967296}]}");
	}

}
