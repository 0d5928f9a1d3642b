package io.github.deepseekspring.local;

import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.Embeddings;
import io.github.deepseekspring.local.chat.GenerateRequest;
import io.github.deepseekspring.local.chat.GenerateResponse;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.local.models.ModelDetails;
import io.github.deepseekspring.local.models.ModelInfo;
import io.github.deepseekspring.local.models.PullProgress;
import io.github.deepseekspring.local.models.RunningModel;
import io.github.deepseekspring.local.pool.EndpointStatus;

/**
 * A client for a model served on the user's own GPUs (Ollama, vLLM, llama.cpp, SGLang), over one endpoint or a pool;
 * the protocol (Ollama native or OpenAI-compatible) is a configuration choice. Build one with
 * {@link LocalRuntimes#builder()}. Reasoning is always separated from the answer: from the runtime's thinking field or
 * split out of inline {@code <think>…</think>}. Thread-safe; close it to stop its health checks.
 */
public interface LocalRuntime extends AutoCloseable {

	/** One whole answer. */
	LocalChatResponse chat(ChatRequest request);

	/**
	 * A streamed answer, cold: each subscription sends its own request. Cancelling the subscription closes the HTTP
	 * connection. Errors before the first chunk are retried on another endpoint of a pool.
	 */
	Flow.Publisher<LocalChatChunk> chatStream(ChatRequest request);

	/** A raw completion, also fill-in-the-middle with a suffix. */
	GenerateResponse generate(GenerateRequest request);

	/** A streamed completion (also fill-in-the-middle); chunks carry the text as content, reasoning split out. */
	Flow.Publisher<LocalChatChunk> generateStream(GenerateRequest request);

	/** One embedding vector per input. */
	Embeddings embed(String model, List<String> inputs);

	/** Installed models (the union over a pool's up endpoints). */
	List<ModelInfo> models();

	/** Capabilities and limits of a model (Ollama only). */
	ModelDetails show(String model);

	/** Downloads a model onto every up endpoint, reporting progress (Ollama only). */
	void pull(String model, Consumer<PullProgress> progress);

	/** Removes a model from every up endpoint that has it (Ollama only). */
	void delete(String model);

	/** Models loaded in memory, with their VRAM use and expiry (empty on OpenAI-compatible runtimes). */
	List<RunningModel> running();

	/** The runtime's version (OpenAI-compatible runtimes report {@code openai-compatible}). */
	String version();

	/** Whether at least one endpoint is up. */
	boolean isUp();

	/** Per-endpoint state for health and status pages. */
	List<EndpointStatus> endpoints();

	/** The model used when a request names none, or null. */
	String defaultModel();

	/** The wire protocol the runtime speaks (it decides, for one, whether images may be links). */
	LocalProtocol protocol();

	@Override
	void close();

}
