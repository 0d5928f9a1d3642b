package io.github.deepseekspring.rag.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures retrieval for follow-up questions: every answerable turn after the first of each conversation is searched
 * with the conversation's earlier questions, and scored like a question set (nDCG@10, Recall@5, MRR, hit@1, hit@3).
 */
public final class ConversationEvaluator {

    /** A search that knows the conversation: the question and the customer's earlier questions, oldest first. */
    @FunctionalInterface
    public interface ConversationSearch {

        List<RetrievedDocument> search(String question, List<String> earlierQuestions, int limit);
    }

    /**
     * The metrics over the answerable follow-up turns.
     *
     * @param followUps answerable follow-up turns scored
     * @param ndcgAt10  mean nDCG@10
     * @param recallAt5 mean Recall@5
     * @param mrr       mean reciprocal rank
     * @param hitAt1    share with a relevant first document
     * @param hitAt3    share with a relevant document among the first three
     */
    public record FollowUpMetrics(int followUps, double ndcgAt10, double recallAt5, double mrr, double hitAt1,
            double hitAt3) {
    }

    private static final int CHUNKS_PER_QUESTION = 40;

    private final ConversationSearch search;

    public ConversationEvaluator(ConversationSearch search) {
        this.search = search;
    }

    public FollowUpMetrics evaluate(List<EvalConversation> conversations) {
        double[] sums = new double[5];
        int scored = 0;
        for (EvalConversation conversation : conversations) {
            List<String> earlier = new ArrayList<>();
            for (EvalConversation.Turn turn : conversation.turns()) {
                if (!earlier.isEmpty() && !turn.relevant().isEmpty()) {
                    List<Boolean> ranking = RelevanceJudgement.judge(
                            search.search(turn.user(), List.copyOf(earlier), CHUNKS_PER_QUESTION), turn.relevant(),
                            RetrievalEvaluator.DEPTH);
                    int relevant = turn.relevant().size();
                    sums[0] += RankingMetrics.ndcgAt(RetrievalEvaluator.DEPTH, ranking, relevant);
                    sums[1] += RankingMetrics.recallAt(5, ranking, relevant);
                    sums[2] += RankingMetrics.reciprocalRank(ranking, relevant);
                    sums[3] += RankingMetrics.hitAt(1, ranking, relevant);
                    sums[4] += RankingMetrics.hitAt(3, ranking, relevant);
                    scored++;
                }
                earlier.add(turn.user());
            }
        }
        if (scored == 0) {
            throw new InvalidQuestionSetException("no answerable follow-up question, nothing to score");
        }
        return new FollowUpMetrics(scored, sums[0] / scored, sums[1] / scored, sums[2] / scored, sums[3] / scored,
                sums[4] / scored);
    }
}
