package io.github.deepseekspring.rag.eval;

/** The retrieval paths an evaluation compares. */
public enum EvalMode {
    /** Keyword search only. */
    BM25,
    /** Embedding (kNN) search only. */
    VECTOR,
    /** Both, fused by reciprocal-rank fusion. */
    HYBRID
}
