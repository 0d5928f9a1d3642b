package io.github.deepseekspring.rag.app.admin;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Similar questions the knowledge base did not answer well (not covered, or the answer was rated down).
 *
 * @param question the group's representative: its most frequent wording, the newest on a tie
 * @param count how many times such a question was asked
 * @param lastAskedAt when the newest was asked
 * @param examples distinct wordings, newest first (at most five)
 */
public record UnansweredGroup(String question, int count, OffsetDateTime lastAskedAt, List<String> examples) {

}
