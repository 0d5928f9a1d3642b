package io.github.deepseekspring.rag.eval;

/** A question set that cannot be evaluated; the message says which line and why. */
public class InvalidQuestionSetException extends RuntimeException {

    public InvalidQuestionSetException(String message) {
        super(message);
    }
}
