package io.github.deepseekspring.rag.eval;

import java.util.List;

/**
 * One labelled conversation: turns whose later questions may only make sense with the earlier ones ("那它呢？").
 *
 * @param id    the conversation's id
 * @param turns its turns, in order
 */
public record EvalConversation(String id, List<Turn> turns) {

    public EvalConversation {
        if (turns == null || turns.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one turn");
        }
        turns = List.copyOf(turns);
    }

    /**
     * One turn.
     *
     * @param user      the customer's question
     * @param assistant what the assistant answered (absent on the last turn)
     * @param relevant  labels of the documents that answer the question, empty when nothing does
     */
    public record Turn(String user, String assistant, List<String> relevant) {

        public Turn {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("user must not be blank");
            }
            relevant = relevant == null ? List.of() : List.copyOf(relevant);
        }
    }
}
