package io.github.deepseekspring.local.pool;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import io.github.deepseekspring.local.LocalProtocol;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.Embeddings;
import io.github.deepseekspring.local.chat.GenerateRequest;
import io.github.deepseekspring.local.chat.GenerateResponse;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.local.models.ModelDetails;
import io.github.deepseekspring.local.models.ModelInfo;
import io.github.deepseekspring.local.models.PullProgress;
import io.github.deepseekspring.local.models.RunningModel;

/** One wire protocol (Ollama native or OpenAI-compatible) spoken to one endpoint; the pool picks the endpoint. */
public interface EndpointProtocol {

	/** Which protocol this is. */
	LocalProtocol protocol();

	LocalChatResponse chat(URI endpoint, ChatRequest request);

	/** Opens a stream; throws before returning when the runtime answered with an error status. */
	ChunkStream chatStream(URI endpoint, ChatRequest request);

	GenerateResponse generate(URI endpoint, GenerateRequest request);

	/** Opens a completion stream; chunks carry the generated text as content. */
	ChunkStream generateStream(URI endpoint, GenerateRequest request);

	Embeddings embed(URI endpoint, String model, List<String> inputs);

	List<ModelInfo> models(URI endpoint);

	ModelDetails show(URI endpoint, String model);

	void pull(URI endpoint, String model, Consumer<PullProgress> progress);

	void delete(URI endpoint, String model);

	/** Loaded models; empty where the protocol cannot tell. */
	List<RunningModel> running(URI endpoint);

	/** The runtime's version; doubles as the health probe. */
	String version(URI endpoint);

}
