package io.github.deepseekspring.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic tokenizer both simulators count usage with and cut stream chunks by. It is not DeepSeek's
 * tokenizer; it is simple enough to predict in a test:
 * <ul>
 *   <li>every CJK character (and any other non-ASCII character) is one token;</li>
 *   <li>an ASCII word or number is one token per started group of 4 characters ({@code "hello"} is 2);</li>
 *   <li>every other ASCII symbol (punctuation) is one token;</li>
 *   <li>whitespace costs nothing: it belongs to the token that follows it (trailing whitespace to the last token).</li>
 * </ul>
 * Concatenating {@link #pieces(String)} gives back the input exactly.
 */
public final class SimulatedTokenizer {

    private static final int ASCII_PIECE = 4;

    private SimulatedTokenizer() {
    }

    /**
     * Splits text into token pieces.
     *
     * @param text any text; {@code null} counts as empty
     * @return pieces whose concatenation is {@code text}
     */
    public static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pieces;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                appendToLast(pieces, text.substring(start));
                break;
            }
            int cp = text.codePointAt(i);
            if (isAsciiWordChar(cp)) {
                int end = i;
                while (end < n && end - i < ASCII_PIECE && isAsciiWordChar(text.charAt(end))) {
                    end++;
                }
                i = end;
            } else {
                i += Character.charCount(cp);
            }
            pieces.add(text.substring(start, i));
        }
        return pieces;
    }

    /**
     * Counts tokens.
     *
     * @param text any text
     * @return the number of {@link #pieces(String)}
     */
    public static int count(String text) {
        return pieces(text).size();
    }

    private static void appendToLast(List<String> pieces, String whitespace) {
        if (pieces.isEmpty()) {
            pieces.add(whitespace);
        } else {
            pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + whitespace);
        }
    }

    private static boolean isAsciiWordChar(int cp) {
        return cp < 128 && Character.isLetterOrDigit(cp);
    }
}
