package io.github.deepseekspring.rag.eval;

import java.util.List;

/**
 * The result of running a question set through every retrieval mode.
 *
 * @param questions     questions in the set
 * @param scored        answerable questions that entered the metrics
 * @param unanswerable  questions without relevant documents, left out of the metrics
 * @param modes         metrics per mode, in {@link EvalMode} order
 * @param refusals      the served search's coverage judgement, or {@code null} when the search makes none
 */
public record EvalReport(int questions, int scored, int unanswerable, List<ModeMetrics> modes, Refusals refusals) {

    public EvalReport {
        modes = List.copyOf(modes);
    }

    /** The metrics of one mode. */
    public ModeMetrics mode(EvalMode mode) {
        return modes.stream().filter(m -> m.mode() == mode).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mode not evaluated: " + mode));
    }
}
