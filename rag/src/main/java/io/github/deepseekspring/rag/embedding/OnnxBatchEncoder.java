package io.github.deepseekspring.rag.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A BERT-style embedding model (bge) run with ONNX Runtime on many texts per inference: texts are tokenized together,
 * sorted by length and cut into batches of similar length, so that padding costs little, and each batch is one
 * {@code run} with an attention mask. Pooling takes the first token ({@code [CLS]}), as bge's model cards prescribe.
 * A text longer than the model's 512 tokens goes to {@code longTexts} (which embeds it in parts) so that it gets the
 * same vector as before.
 *
 * <p>One inference uses one thread ({@code intra_op_num_threads=1}, no spinning): concurrency comes from the callers
 * (and from {@link CoalescingEncoder} joining theirs into batches), so a busy machine is not oversubscribed by idle
 * spinning threads. Thread-safe.
 */
final class OnnxBatchEncoder implements AutoCloseable {

	/** Tokens the model takes, special tokens included. */
	static final int MAX_TOKENS = 512;

	/**
	 * Rows times padded length per batch. Short texts (questions) gain from sharing a run: 7.9 ms of CPU each alone,
	 * 5.5 ms sixteen at a time. Passages of a few hundred tokens gain nothing (27 ms each alone, 26 ms in batches of
	 * 512 tokens) and lose in larger batches (35 ms at 4,096 tokens: the attention scores outgrow the caches).
	 */
	private static final int BATCH_TOKENS = 512;

	private static final int MAX_BATCH = 64;

	private final int maxBatch;

	private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

	private final OrtSession session;

	private final HuggingFaceTokenizer tokenizer;

	private final boolean typeIds;

	private final int dimensions;

	private final Function<String, float[]> longTexts;

	/**
	 * @param modelResource the {@code .onnx} file on the class path
	 * @param tokenizerResource its {@code tokenizer.json} on the class path
	 * @param dimensions the vector size
	 * @param batchable whether texts may share a run (not for a model quantised dynamically over its whole input)
	 * @param longTexts embeds a text over {@link #MAX_TOKENS} tokens
	 */
	OnnxBatchEncoder(String modelResource, String tokenizerResource, int dimensions, boolean batchable,
			Function<String, float[]> longTexts) {
		this.maxBatch = batchable ? MAX_BATCH : 1;
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			this.session = this.environment.createSession(read(modelResource), options);
			this.typeIds = this.session.getInputNames().contains("token_type_ids");
		}
		catch (OrtException ex) {
			throw new IllegalStateException("ONNX Runtime could not load " + modelResource, ex);
		}
		try (InputStream tokenizer = resource(tokenizerResource)) {
			this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false", "truncation", "false"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.dimensions = dimensions;
		this.longTexts = longTexts;
	}

	/** Unit vectors of the texts, in input order, one batch after the other on the calling thread. */
	List<float[]> embed(List<String> texts) {
		Tokenized tokenized = tokenize(texts);
		for (int[] batch : tokenized.batches()) {
			run(batch, tokenized);
		}
		return tokenized.vectors();
	}

	/**
	 * Tokenizes the texts and plans their batches: sorted by length, each batch as many texts of similar length as
	 * {@link #BATCH_TOKENS} allows. Texts over {@link #MAX_TOKENS} are embedded at once, in parts.
	 */
	Tokenized tokenize(List<String> texts) {
		Encoding[] encodings = this.tokenizer.batchEncode(texts.toArray(String[]::new));
		float[][] vectors = new float[texts.size()][];
		Integer[] order = new Integer[texts.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingInt((Integer i) -> encodings[i].getIds().length));
		List<int[]> batches = new ArrayList<>();
		List<Integer> batch = new ArrayList<>();
		for (Integer index : order) {
			int length = encodings[index].getIds().length;
			if (length > MAX_TOKENS) {
				vectors[index] = this.longTexts.apply(texts.get(index));
				continue;
			}
			// sorted by length: this text is the longest of the batch so far
			if (!batch.isEmpty() && ((batch.size() + 1) * length > BATCH_TOKENS || batch.size() == this.maxBatch)) {
				batches.add(batch.stream().mapToInt(Integer::intValue).toArray());
				batch.clear();
			}
			batch.add(index);
		}
		if (!batch.isEmpty()) {
			batches.add(batch.stream().mapToInt(Integer::intValue).toArray());
		}
		return new Tokenized(encodings, List.copyOf(batches), vectors);
	}

	/** Texts ready for inference: their encodings, the batches they go in, and the vectors as they are filled in. */
	record Tokenized(Encoding[] encodings, List<int[]> batches, float[][] filled) {

		/** The vectors in input order, once every batch has run. */
		List<float[]> vectors() {
			return Arrays.asList(this.filled);
		}

	}

	int dimensions() {
		return this.dimensions;
	}

	/** Runs one planned batch, filling in its vectors. */
	void run(int[] batch, Tokenized tokenized) {
		Encoding[] encodings = tokenized.encodings();
		float[][] vectors = tokenized.filled();
		int rows = batch.length;
		int length = encodings[batch[rows - 1]].getIds().length;
		long[] ids = new long[rows * length];
		long[] mask = new long[rows * length];
		long[] types = new long[rows * length];
		for (int row = 0; row < rows; row++) {
			Encoding encoding = encodings[batch[row]];
			System.arraycopy(encoding.getIds(), 0, ids, row * length, encoding.getIds().length);
			System.arraycopy(encoding.getAttentionMask(), 0, mask, row * length, encoding.getAttentionMask().length);
			System.arraycopy(encoding.getTypeIds(), 0, types, row * length, encoding.getTypeIds().length);
		}
		long[] shape = { rows, length };
		try (OnnxTensor idTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(ids), shape);
				OnnxTensor maskTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(mask), shape);
				OnnxTensor typeTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(types), shape)) {
			Map<String, OnnxTensor> inputs = this.typeIds
					? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
					: Map.of("input_ids", idTensor, "attention_mask", maskTensor);
			try (OrtSession.Result result = this.session.run(inputs, Set.of(this.session.getOutputNames().iterator().next()))) {
				FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
				int width = hidden.capacity() / (rows * length);
				for (int row = 0; row < rows; row++) {
					float[] cls = new float[width];
					hidden.get(row * length * width, cls);
					vectors[batch[row]] = UnitVectors.normalised(cls);
				}
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("ONNX Runtime failed to embed " + rows + " texts", ex);
		}
	}

	private static byte[] read(String resource) {
		try (InputStream in = resource(resource)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = OnnxBatchEncoder.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IOException("no " + name + " on the class path");
		}
		return in;
	}

	@Override
	public void close() {
		try {
			this.session.close();
		}
		catch (OrtException ex) {
			// closing anyway
		}
		this.tokenizer.close();
	}

}
