package io.github.deepseekspring.rag.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into search terms the way Lucene's CJK analysis does, so Elasticsearch can index
 * them with its built-in {@code whitespace} analyzer: the default distribution has no Chinese
 * analyzer and no analysis-common module (so no {@code cjk} analyzer and not even a custom
 * whitespace tokenizer or lowercase filter), only {@code standard}, {@code simple},
 * {@code whitespace}, {@code stop} and {@code keyword}.
 *
 * <p>Runs of Han, Kana and Hangul become overlapping bigrams ({@code 路由器} → {@code 路由 由器}); a
 * lone ideograph stays a unigram. Letters and digits become lower-cased words split at any
 * other character, so {@code YF-AX3000} gives {@code yf ax3000} (exact codes are matched by a
 * separate keyword field). Full-width forms are folded by NFKC first.
 */
public final class CjkBigramSegmenter {

    private CjkBigramSegmenter() {
    }

    /** The terms of {@code text}, space-separated, ready for the {@code whitespace} analyzer. */
    public static String segment(String text) {
        return String.join(" ", terms(text));
    }

    /** The terms of {@code text} in order. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int[] codePoints = normalised.codePoints().toArray();
        int i = 0;
        while (i < codePoints.length) {
            int start = i;
            if (isCjk(codePoints[i])) {
                while (i < codePoints.length && isCjk(codePoints[i])) {
                    i++;
                }
                addBigrams(codePoints, start, i, terms);
            }
            else if (Character.isLetterOrDigit(codePoints[i])) {
                while (i < codePoints.length && Character.isLetterOrDigit(codePoints[i]) && !isCjk(codePoints[i])) {
                    i++;
                }
                terms.add(new String(codePoints, start, i - start));
            }
            else {
                i++;
            }
        }
        return terms;
    }

    private static void addBigrams(int[] codePoints, int start, int end, List<String> terms) {
        if (end - start == 1) {
            terms.add(new String(codePoints, start, 1));
            return;
        }
        for (int j = start; j + 1 < end; j++) {
            terms.add(new String(codePoints, j, 2));
        }
    }

    /** Whether a code point is Han, Kana or Hangul. */
    static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
