package io.github.deepseekspring.rag.eval;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a question set in JSON Lines: one {@code {"query": ..., "relevant": [...], "kind": ...}}
 * object per line; blank lines and lines starting with {@code #} are skipped.
 */
public final class QuestionSetParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QuestionSetParser() {
    }

    /**
     * Parses the whole text.
     *
     * @throws InvalidQuestionSetException naming the first bad line, or when no question is present
     */
    public static List<EvalQuestion> parse(String jsonl) {
        return parse(jsonl, EvalQuestion.class, "question object {query, relevant}", "question set");
    }

    /**
     * Parses conversations, one {@code {"id": ..., "turns": [{"user": ..., "assistant": ..., "relevant": [...]}]}}
     * object per line.
     *
     * @throws InvalidQuestionSetException naming the first bad line, or when no conversation is present
     */
    public static List<EvalConversation> parseConversations(String jsonl) {
        return parse(jsonl, EvalConversation.class, "conversation object {id, turns}", "conversation set");
    }

    private static <T> List<T> parse(String jsonl, Class<T> type, String expected, String set) {
        List<T> items = new ArrayList<>();
        String[] lines = jsonl == null ? new String[0] : jsonl.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                items.add(JSON.readValue(line, type));
            }
            catch (JacksonException | IllegalArgumentException ex) {
                throw new InvalidQuestionSetException("line " + (i + 1) + " is not a " + expected + ": "
                        + rootMessage(ex));
            }
        }
        if (items.isEmpty()) {
            throw new InvalidQuestionSetException("the " + set + " is empty");
        }
        return items;
    }

    private static String rootMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
