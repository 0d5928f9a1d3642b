package io.github.deepseekspring.rag.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns search hits into the ranked relevance flags the metrics take. */
final class RelevanceJudgement {

    private RelevanceJudgement() {
    }

    /**
     * One flag per distinct document in rank order (first appearance wins), {@code true} when
     * it is named by a relevant label no earlier document already used: two chunks of one
     * document, or two documents answering to one label, count once.
     */
    static List<Boolean> judge(List<RetrievedDocument> hits, List<String> relevant, int depth) {
        Set<String> unmatched = new LinkedHashSet<>(relevant);
        Set<String> seenDocuments = new HashSet<>();
        List<Boolean> flags = new ArrayList<>();
        for (RetrievedDocument hit : hits) {
            if (flags.size() == depth) {
                break;
            }
            if (!seenDocuments.add(hit.identity())) {
                continue;
            }
            String label = unmatched.stream().filter(hit::isNamedBy).findFirst().orElse(null);
            flags.add(label != null);
            if (label != null) {
                unmatched.remove(label);
            }
        }
        return flags;
    }
}
