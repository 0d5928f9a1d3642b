package io.github.deepseekspring.model.sim;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import io.github.deepseekspring.model.local.LocalChatPort;
import org.springframework.ai.chat.messages.AssistantMessage;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal Ollama-native {@link LocalChatPort} for tests of {@code LocalBackend} against the Ollama simulator
 * ({@code /api/chat} NDJSON, {@code /api/generate} with suffix). Test-only stand-in for the adapter over the
 * {@code deepseek-local-runtime} client.
 */
final class OllamaHttpPort implements LocalChatPort {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final URI baseUrl;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	OllamaHttpPort(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public Reply chat(Request request) {
		JsonNode body = mapper.readTree(send("/api/chat", chatBody(request, false)));
		JsonNode message = body.path("message");
		return new Reply(message.path("content").asString(""), text(message, "thinking"), toolCalls(message),
				body.path("model").asString(null), text(body, "done_reason"), body.path("prompt_eval_count").asInt(0),
				body.path("eval_count").asInt(0));
	}

	@Override
	public Flow.Publisher<Delta> chatStream(Request request) {
		HttpRequest post = post("/api/chat", chatBody(request, true));
		Flux<Delta> deltas = Flux.using(() -> this.http.send(post, HttpResponse.BodyHandlers.ofLines()).body(),
				lines -> Flux.fromStream(lines.filter(l -> !l.isBlank())).map(OllamaHttpPort::delta), Stream::close)
			.subscribeOn(Schedulers.boundedElastic());
		return JdkFlowAdapter.publisherToFlowPublisher(deltas);
	}

	@Override
	public Reply generate(String model, String prefix, String suffix, Integer maxTokens) {
		ObjectNode body = mapper.createObjectNode().put("model", model).put("prompt", prefix).put("suffix", suffix).put("stream", false);
		JsonNode answer = mapper.readTree(send("/api/generate", body));
		return new Reply(answer.path("response").asString(""), null, List.of(), answer.path("model").asString(model),
				text(answer, "done_reason"), answer.path("prompt_eval_count").asInt(0), answer.path("eval_count").asInt(0));
	}

	private static Delta delta(String line) {
		JsonNode chunk = mapper.readTree(line);
		JsonNode message = chunk.path("message");
		return new Delta(message.path("content").asString(""), text(message, "thinking"), toolCalls(message),
				chunk.path("done").asBoolean(false), chunk.path("model").asString(null), text(chunk, "done_reason"),
				chunk.path("prompt_eval_count").asInt(0), chunk.path("eval_count").asInt(0));
	}

	private static ObjectNode chatBody(Request request, boolean stream) {
		ObjectNode body = mapper.createObjectNode().put("model", request.model()).put("stream", stream);
		if (request.think()) {
			body.put("think", true);
		}
		ArrayNode messages = body.putArray("messages");
		for (Turn turn : request.messages()) {
			messages.addObject().put("role", turn.role()).put("content", turn.content() == null ? "" : turn.content());
		}
		return body;
	}

	private static List<AssistantMessage.ToolCall> toolCalls(JsonNode message) {
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		for (JsonNode call : message.path("tool_calls")) {
			JsonNode function = call.path("function");
			calls.add(new AssistantMessage.ToolCall(call.path("id").asString("call_" + calls.size()), "function",
					function.path("name").asString(), function.path("arguments").toString()));
		}
		return calls;
	}

	private static String text(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asString() : null;
	}

	private String send(String path, ObjectNode body) {
		try {
			HttpResponse<String> response = this.http.send(post(path, body), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 400) {
				throw new IllegalStateException("Ollama " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (java.io.IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest post(String path, ObjectNode body) {
		return HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
	}

}
