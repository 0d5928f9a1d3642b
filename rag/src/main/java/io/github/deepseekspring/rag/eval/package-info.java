/**
 * Retrieval evaluation: a labelled question set ({@code {query, relevant, kind}} per JSON line;
 * the sample knowledge base's set is {@code eval/questions.jsonl} in the test resources) is run
 * through a {@link io.github.deepseekspring.rag.eval.RankedSearch} in the bm25, vector and hybrid
 * modes, and scored with nDCG@10, Recall@5 and MRR ({@link io.github.deepseekspring.rag.eval.RankingMetrics}).
 *
 * <p>Relevance labels may name a document by id, title, source or source file name (with or
 * without extension), so a set stays valid whichever id scheme the store uses. Questions without
 * relevant documents ({@code kind: unanswerable}) are counted but not scored; they exist for
 * refusal tests of the chat.
 *
 * <p>To enable {@code POST /api/kb/eval}, the application declares one {@code RankedSearch} bean
 * adapting its search (mode → bm25 / vector / hybrid, hit → document id, title, source).
 */
package io.github.deepseekspring.rag.eval;
