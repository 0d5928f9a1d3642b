package io.github.deepseekspring.local.ollama;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import io.github.deepseekspring.local.LocalProtocol;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.Embeddings;
import io.github.deepseekspring.local.chat.GenerateRequest;
import io.github.deepseekspring.local.chat.GenerateResponse;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.local.chat.ThinkTagSplitter;
import io.github.deepseekspring.local.models.ModelDetails;
import io.github.deepseekspring.local.models.ModelInfo;
import io.github.deepseekspring.local.models.PullProgress;
import io.github.deepseekspring.local.models.RunningModel;
import io.github.deepseekspring.local.ollama.OllamaWire.ChatReply;
import io.github.deepseekspring.local.ollama.OllamaWire.EmbedBody;
import io.github.deepseekspring.local.ollama.OllamaWire.EmbedReply;
import io.github.deepseekspring.local.ollama.OllamaWire.GenerateBody;
import io.github.deepseekspring.local.ollama.OllamaWire.GenerateReply;
import io.github.deepseekspring.local.pool.ChunkStream;
import io.github.deepseekspring.local.pool.EndpointProtocol;
import io.github.deepseekspring.local.transport.EndpointPaths;
import io.github.deepseekspring.local.transport.HttpTransport;
import io.github.deepseekspring.local.transport.WireJson;
import tools.jackson.databind.JsonNode;

/** Ollama's native API ({@code /api/*}). */
public final class OllamaProtocol implements EndpointProtocol {

	private final HttpTransport http;
	private final OllamaModelAdmin admin;

	public OllamaProtocol(HttpTransport http) {
		this.http = http;
		this.admin = new OllamaModelAdmin(http);
	}

	@Override
	public LocalProtocol protocol() {
		return LocalProtocol.OLLAMA;
	}

	@Override
	public LocalChatResponse chat(URI endpoint, ChatRequest request) {
		JsonNode json = http.call("POST", EndpointPaths.join(endpoint, "/api/chat"), OllamaChatCodec.body(request, false),
				request.model(), http.timeouts().request());
		ChatReply reply = WireJson.read(json, ChatReply.class);
		String content = reply.message() == null || reply.message().content() == null ? "" : reply.message().content();
		String thinking = reply.message() == null || reply.message().thinking() == null ? ""
				: reply.message().thinking();
		ThinkTagSplitter.Split split = ThinkTagSplitter.splitWhole(content);
		return new LocalChatResponse(split.content(), thinking + split.thinking(),
				OllamaChatCodec.toolCalls(reply.message()), reply.model(), reply.doneReason(), reply.promptEvalCount(),
				reply.evalCount(), endpoint.toString());
	}

	@Override
	public ChunkStream chatStream(URI endpoint, ChatRequest request) {
		return new OllamaChunkStream(
				http.stream(EndpointPaths.join(endpoint, "/api/chat"), OllamaChatCodec.body(request, true), request.model()),
				OllamaChunkStream::chatLine);
	}

	@Override
	public ChunkStream generateStream(URI endpoint, GenerateRequest request) {
		return new OllamaChunkStream(
				http.stream(EndpointPaths.join(endpoint, "/api/generate"), generateBody(request, true), request.model()),
				OllamaChunkStream::generateLine);
	}

	private static GenerateBody generateBody(GenerateRequest request, boolean stream) {
		return new GenerateBody(request.model(), request.prompt(), request.suffix(), request.system(),
				request.raw() ? Boolean.TRUE : null, stream, request.options().isEmpty() ? null : request.options(),
				request.keepAlive());
	}

	@Override
	public GenerateResponse generate(URI endpoint, GenerateRequest request) {
		GenerateBody body = generateBody(request, false);
		JsonNode json = http.call("POST", EndpointPaths.join(endpoint, "/api/generate"), body, request.model(),
				http.timeouts().request());
		GenerateReply reply = WireJson.read(json, GenerateReply.class);
		ThinkTagSplitter.Split split = ThinkTagSplitter.splitWhole(reply.response() == null ? "" : reply.response());
		String thinking = (reply.thinking() == null ? "" : reply.thinking()) + split.thinking();
		return new GenerateResponse(split.content(), thinking, reply.model(), reply.doneReason(),
				reply.promptEvalCount(), reply.evalCount(), endpoint.toString());
	}

	@Override
	public Embeddings embed(URI endpoint, String model, List<String> inputs) {
		JsonNode json = http.call("POST", EndpointPaths.join(endpoint, "/api/embed"), new EmbedBody(model, inputs), model,
				http.timeouts().request());
		EmbedReply reply = WireJson.read(json, EmbedReply.class);
		return new Embeddings(reply.model(), reply.embeddings(), reply.promptEvalCount());
	}

	@Override
	public List<ModelInfo> models(URI endpoint) {
		return admin.tags(endpoint);
	}

	@Override
	public ModelDetails show(URI endpoint, String model) {
		return admin.show(endpoint, model);
	}

	@Override
	public void pull(URI endpoint, String model, Consumer<PullProgress> progress) {
		admin.pull(endpoint, model, progress);
	}

	@Override
	public void delete(URI endpoint, String model) {
		admin.delete(endpoint, model);
	}

	@Override
	public List<RunningModel> running(URI endpoint) {
		return admin.ps(endpoint);
	}

	@Override
	public String version(URI endpoint) {
		return admin.version(endpoint);
	}

}
