package io.github.deepseekspring.model.api;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a {@code chat.completion.chunk} from Jackson's token stream instead of binding it. A chunk arrives per token,
 * which makes this the hottest path of a stream; binding records through their constructors cost several times as
 * much CPU per chunk. Usage and tool-call fragments (once or a few times per stream) are still bound by the mapper,
 * and a chunk shaped in any way the fast path does not expect (a number sent as text, a wrong type) is handed whole
 * to data binding, so the result, coercions and errors included, is what {@code readValue} would give.
 */
final class ChunkParser {

	private final ObjectMapper mapper;

	private final ObjectReader binder;

	private final ObjectReader usageBinder;

	private final ObjectReader toolCallsBinder;

	private final ObjectReader logprobsBinder;

	ChunkParser(ObjectMapper mapper) {
		this.mapper = mapper;
		this.binder = mapper.readerFor(ChatCompletionChunk.class);
		// these bind a value inside the chunk, so what follows it is not "trailing"
		this.usageBinder = mapper.readerFor(Usage.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.toolCallsBinder = mapper.readerFor(mapper.getTypeFactory().constructCollectionType(List.class, ToolCall.class))
			.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.logprobsBinder = mapper.readerFor(Logprobs.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/** The chunk; a {@link DeepSeekProtocolException} naming the field when it cannot be read. */
	ChatCompletionChunk parse(byte[] json, int offset, int length) {
		try {
			try (JsonParser parser = this.mapper.createParser(json, offset, length)) {
				ChatCompletionChunk chunk = chunk(parser);
				if (parser.nextToken() == null) {
					return chunk;
				}
			}
			catch (Unexpected ex) {
				// fall through to data binding
			}
			return this.binder.readValue(json, offset, length);
		}
		catch (JacksonException ex) {
			throw DeepSeekProtocolException.of(ex);
		}
	}

	private ChatCompletionChunk chunk(JsonParser parser) {
		expect(parser.nextToken(), JsonToken.START_OBJECT);
		String id = null;
		String object = null;
		Long created = null;
		String model = null;
		List<ChatCompletionChunk.Choice> choices = null;
		Usage usage = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "id" -> id = string(parser, value);
				case "object" -> object = string(parser, value);
				case "created" -> created = (value == JsonToken.VALUE_NULL) ? null : integer(parser, value);
				case "model" -> model = string(parser, value);
				case "choices" -> choices = choices(parser, value);
				case "usage" -> usage = (value == JsonToken.VALUE_NULL) ? null
						: bound(parser, value, JsonToken.START_OBJECT, this.usageBinder, "usage");
				default -> parser.skipChildren();
			}
		}
		expect(parser.currentToken(), JsonToken.END_OBJECT);
		return new ChatCompletionChunk(id, object, created, model, choices, usage);
	}

	private List<ChatCompletionChunk.Choice> choices(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(value, JsonToken.START_ARRAY);
		List<ChatCompletionChunk.Choice> choices = new ArrayList<>(1);
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			choices.add(choice(parser, token));
		}
		return choices;
	}

	private ChatCompletionChunk.Choice choice(JsonParser parser, JsonToken start) {
		expect(start, JsonToken.START_OBJECT);
		Integer index = null;
		ChatMessage delta = null;
		String finishReason = null;
		Logprobs logprobs = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "index" -> index = (value == JsonToken.VALUE_NULL) ? null : intValue(parser, value);
				case "delta" -> delta = delta(parser, value);
				case "finish_reason" -> finishReason = string(parser, value);
				case "logprobs" -> logprobs = (value == JsonToken.VALUE_NULL) ? null
						: bound(parser, value, JsonToken.START_OBJECT, this.logprobsBinder, "choices[0].logprobs");
				default -> parser.skipChildren();
			}
		}
		return new ChatCompletionChunk.Choice(index, delta, finishReason, logprobs);
	}

	private ChatMessage delta(JsonParser parser, JsonToken start) {
		if (start == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(start, JsonToken.START_OBJECT);
		String role = null;
		String content = null;
		String reasoning = null;
		String name = null;
		String toolCallId = null;
		List<ToolCall> toolCalls = null;
		Boolean prefix = null;
		for (String field = parser.nextName(); field != null; field = parser.nextName()) {
			JsonToken value = parser.nextToken();
			switch (field) {
				case "role" -> role = string(parser, value);
				case "content" -> content = string(parser, value);
				// Ollama's OpenAI endpoint (and gateways behind it) name it "reasoning"
				case "reasoning_content", "reasoning" -> reasoning = orElse(string(parser, value), reasoning);
				case "name" -> name = string(parser, value);
				case "tool_call_id" -> toolCallId = string(parser, value);
				case "tool_calls" -> toolCalls = (value == JsonToken.VALUE_NULL) ? null
						: bound(parser, value, JsonToken.START_ARRAY, this.toolCallsBinder, "choices[0].delta.tool_calls");
				case "prefix" -> prefix = bool(value);
				default -> parser.skipChildren();
			}
		}
		return new ChatMessage(role, content, reasoning, name, toolCallId, toolCalls, prefix);
	}

	/** Binds a value inside the chunk; {@code field} is where it sits, for the error that names it. */
	private static <T> T bound(JsonParser parser, JsonToken value, JsonToken start, ObjectReader binder,
			String field) {
		expect(value, start);
		try {
			return binder.readValue(parser);
		}
		catch (JacksonException ex) {
			throw DeepSeekProtocolException.of(ex, field);
		}
	}

	private static String orElse(String value, String other) {
		return (value != null) ? value : other;
	}

	private static String string(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		expect(value, JsonToken.VALUE_NULL);
		return null;
	}

	private static long integer(JsonParser parser, JsonToken value) {
		expect(value, JsonToken.VALUE_NUMBER_INT);
		return parser.getLongValue();
	}

	private static int intValue(JsonParser parser, JsonToken value) {
		long number = integer(parser, value);
		if (number != (int) number) {
			throw Unexpected.INSTANCE;
		}
		return (int) number;
	}

	private static Boolean bool(JsonToken value) {
		if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
			return value == JsonToken.VALUE_TRUE;
		}
		expect(value, JsonToken.VALUE_NULL);
		return null;
	}

	private static void expect(JsonToken actual, JsonToken expected) {
		if (actual != expected) {
			throw Unexpected.INSTANCE;
		}
	}

	/** A shape the fast path leaves to data binding; thrown without a stack trace, caught in {@link #parse}. */
	private static final class Unexpected extends RuntimeException {

		static final Unexpected INSTANCE = new Unexpected();

		private Unexpected() {
			super(null, null, false, false);
		}

	}

}
