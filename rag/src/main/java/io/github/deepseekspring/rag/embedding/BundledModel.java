package io.github.deepseekspring.rag.embedding;

/** The embedding models that ship inside Maven Central artifacts and run offline, with their model cards' facts. */
enum BundledModel {

	/** bge-small-zh-v1.5; the instruction is the one its model card gives for short-query-to-passage retrieval. */
	BGE_SMALL_ZH("bge-small-zh-v1.5", 512, "为这个句子生成表示以用于检索相关文章："),

	/** bge-small-en-v1.5, quantised; the instruction is the one its model card gives for retrieval. */
	BGE_SMALL_EN("bge-small-en-v1.5-q", 384, "Represent this sentence for searching relevant passages: ");

	private final String modelName;

	private final int dimensions;

	private final String queryInstruction;

	BundledModel(String modelName, int dimensions, String queryInstruction) {
		this.modelName = modelName;
		this.dimensions = dimensions;
		this.queryInstruction = queryInstruction;
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
