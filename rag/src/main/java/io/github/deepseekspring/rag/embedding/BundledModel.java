package io.github.deepseekspring.rag.embedding;

/** The embedding models that ship inside Maven Central artifacts and run offline, with their model cards' facts. */
enum BundledModel {

	/** bge-small-zh-v1.5; the instruction is the one its model card gives for short-query-to-passage retrieval. */
	BGE_SMALL_ZH("bge-small-zh-v1.5", 512, "为这个句子生成表示以用于检索相关文章：", true),

	/**
	 * bge-small-en-v1.5, quantised; the instruction is the one its model card gives for retrieval. Its activations
	 * are quantised dynamically, with one scale for the whole input: a text run in a batch gets a vector that depends
	 * on the other texts (cosine 0.993 to 0.996 to its own), so it runs one text at a time.
	 */
	BGE_SMALL_EN("bge-small-en-v1.5-q", 384, "Represent this sentence for searching relevant passages: ", false);

	private final String modelName;

	private final int dimensions;

	private final String queryInstruction;

	private final boolean batchable;

	BundledModel(String modelName, int dimensions, String queryInstruction, boolean batchable) {
		this.modelName = modelName;
		this.dimensions = dimensions;
		this.queryInstruction = queryInstruction;
		this.batchable = batchable;
	}

	/** Whether texts may share an inference and still get the vector they get alone. */
	boolean batchable() {
		return this.batchable;
	}

	String modelName() {
		return this.modelName;
	}

	int dimensions() {
		return this.dimensions;
	}

	String queryInstruction() {
		return this.queryInstruction;
	}

}
