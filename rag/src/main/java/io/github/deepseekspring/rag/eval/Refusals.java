package io.github.deepseekspring.rag.eval;

/**
 * How often the served search's "not covered" judgement is wrong: answerable questions it refuses, and
 * unanswerable ones it does not.
 *
 * @param answerable           answerable questions judged
 * @param answerableRefused    share of them judged not covered (a customer who could have had an answer)
 * @param unanswerable         unanswerable questions judged
 * @param unanswerableAnswered share of them judged covered (the model must then refuse on its own)
 */
public record Refusals(int answerable, double answerableRefused, int unanswerable, double unanswerableAnswered) {
}
