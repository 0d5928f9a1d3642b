package io.github.deepseekspring.local.openai;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.deepseekspring.local.LocalProtocolException;
import io.github.deepseekspring.local.LocalProtocol;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.Embeddings;
import io.github.deepseekspring.local.chat.GenerateRequest;
import io.github.deepseekspring.local.chat.GenerateResponse;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.local.chat.ThinkTagSplitter;
import io.github.deepseekspring.local.chat.ToolCall;
import io.github.deepseekspring.local.models.ModelDetails;
import io.github.deepseekspring.local.models.ModelInfo;
import io.github.deepseekspring.local.models.PullProgress;
import io.github.deepseekspring.local.models.RunningModel;
import io.github.deepseekspring.local.openai.OpenAiWire.Choice;
import io.github.deepseekspring.local.openai.OpenAiWire.Completion;
import io.github.deepseekspring.local.openai.OpenAiWire.Usage;
import io.github.deepseekspring.local.pool.ChunkStream;
import io.github.deepseekspring.local.pool.EndpointProtocol;
import io.github.deepseekspring.local.transport.EndpointPaths;
import io.github.deepseekspring.local.transport.HttpTransport;
import io.github.deepseekspring.local.transport.WireJson;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAI-compatible API ({@code /v1/*}) of vLLM, llama.cpp, SGLang and Ollama. Model management is not part of
 * it: show, pull and delete throw {@link UnsupportedOperationException}, running models are unknown.
 */
public final class OpenAiProtocol implements EndpointProtocol {

	private final HttpTransport http;

	public OpenAiProtocol(HttpTransport http) {
		this.http = http;
	}

	@Override
	public LocalProtocol protocol() {
		return LocalProtocol.OPENAI;
	}

	@Override
	public LocalChatResponse chat(URI endpoint, ChatRequest request) {
		return response(post(endpoint, "/v1/chat/completions", OpenAiRequests.chat(request, false), request.model()),
				endpoint.toString());
	}

	/** A whole chat answer as this client reports it; absent optional fields read as empty or 0. */
	static LocalChatResponse response(Completion completion, String endpoint) {
		Choice choice = firstChoice(completion);
		if (choice.message() == null) {
			throw new LocalProtocolException("choices[0].message", "the choice has no message", null);
		}
		String content = choice.message().content() == null ? "" : choice.message().content();
		ThinkTagSplitter.Split split = ThinkTagSplitter.splitWhole(content);
		List<ToolCall> calls = new ArrayList<>();
		if (choice.message().toolCalls() != null) {
			for (OpenAiWire.Call call : choice.message().toolCalls()) {
				if (call.function() == null || call.function().name() == null) {
					throw new LocalProtocolException("choices[0].message.tool_calls[" + calls.size() + "].function",
							"a tool call names no function", null);
				}
				calls.add(new ToolCall(call.id(), call.function().name(),
						call.function().arguments() == null ? "{}" : call.function().arguments()));
			}
		}
		Usage usage = completion.usage() == null ? new Usage(0, 0) : completion.usage();
		return new LocalChatResponse(split.content(), choice.message().reasoningText() + split.thinking(), calls,
				completion.model(), choice.finishReason(), usage.promptTokens(), usage.completionTokens(), endpoint);
	}

	private static Choice firstChoice(Completion completion) {
		if (completion.choices() == null || completion.choices().isEmpty()) {
			throw new LocalProtocolException("choices", "the answer has no choices", null);
		}
		return completion.choices().get(0);
	}

	@Override
	public ChunkStream chatStream(URI endpoint, ChatRequest request) {
		return new OpenAiChunkStream(http.stream(uri(endpoint, "/v1/chat/completions"),
				OpenAiRequests.chat(request, true), request.model()));
	}

	@Override
	public GenerateResponse generate(URI endpoint, GenerateRequest request) {
		Completion completion = post(endpoint, "/v1/completions", OpenAiRequests.completion(request, false), request.model());
		Choice choice = firstChoice(completion);
		ThinkTagSplitter.Split split = ThinkTagSplitter.splitWhole(choice.text() == null ? "" : choice.text());
		Usage usage = completion.usage() == null ? new Usage(0, 0) : completion.usage();
		return new GenerateResponse(split.content(), split.thinking(), completion.model(), choice.finishReason(),
				usage.promptTokens(), usage.completionTokens(), endpoint.toString());
	}

	@Override
	public ChunkStream generateStream(URI endpoint, GenerateRequest request) {
		return new OpenAiChunkStream(
				http.stream(uri(endpoint, "/v1/completions"), OpenAiRequests.completion(request, true), request.model()));
	}

	@Override
	public Embeddings embed(URI endpoint, String model, List<String> inputs) {
		JsonNode body = http.mapper().createObjectNode().put("model", model).set("input", http.mapper().valueToTree(inputs));
		OpenAiWire.EmbeddingReply reply = WireJson.read(http.call("POST", uri(endpoint, "/v1/embeddings"), body, model, http.timeouts().request()),
					OpenAiWire.EmbeddingReply.class);
		List<float[]> vectors = new ArrayList<>();
		reply.data().stream().sorted((a, b) -> Integer.compare(a.index(), b.index()))
			.forEach(entry -> vectors.add(entry.embedding()));
		return new Embeddings(reply.model(), vectors, reply.usage() == null ? 0 : reply.usage().promptTokens());
	}

	@Override
	public List<ModelInfo> models(URI endpoint) {
		JsonNode json = http.call("GET", uri(endpoint, "/v1/models"), null, null, http.timeouts().firstToken());
		OpenAiWire.Models models = WireJson.read(json, OpenAiWire.Models.class);
		return models.data() == null ? List.of()
				: models.data().stream().map(m -> new ModelInfo(m.id(), 0, null, null, null, null)).toList();
	}

	@Override
	public ModelDetails show(URI endpoint, String model) {
		throw new UnsupportedOperationException("show needs the Ollama protocol");
	}

	@Override
	public void pull(URI endpoint, String model, Consumer<PullProgress> progress) {
		throw new UnsupportedOperationException("pull needs the Ollama protocol");
	}

	@Override
	public void delete(URI endpoint, String model) {
		throw new UnsupportedOperationException("delete needs the Ollama protocol");
	}

	@Override
	public List<RunningModel> running(URI endpoint) {
		return List.of();
	}

	/** {@code /v1/models} answering is the health probe; the protocol has no version call. */
	@Override
	public String version(URI endpoint) {
		models(endpoint);
		return "openai-compatible";
	}

	private Completion post(URI endpoint, String path, JsonNode body, String model) {
		return WireJson.read(http.call("POST", uri(endpoint, path), body, model, http.timeouts().request()),
				Completion.class);
	}

	private static URI uri(URI endpoint, String path) {
		return EndpointPaths.join(EndpointPaths.withoutV1(endpoint), path);
	}

}
