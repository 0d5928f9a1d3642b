package io.github.deepseekspring.rag.text;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds product and error codes ({@code YF-AX3000}, {@code YF-Mesh-M2-2P}, {@code E-1023}) for the
 * keyword field that matches them exactly. A code is letters, then hyphen-joined parts, holding at
 * least one digit (so {@code Wi-Fi} is not a code). Longer codes also yield their shorter
 * prefixes, so a question about {@code YF-AX3000} finds a passage on {@code YF-AX3000-GL}.
 */
public final class ProductCodes {

    private static final Pattern CODE =
            Pattern.compile("(?<![A-Za-z0-9-])[A-Za-z]{1,6}(?:-[A-Za-z0-9]+)+(?![A-Za-z0-9-])");

    private static final Pattern DIGIT = Pattern.compile("\\d");

    private ProductCodes() {
    }

    /** The lower-cased codes in {@code text} and their code prefixes, in order of appearance. */
    public static Set<String> in(String text) {
        Set<String> codes = new LinkedHashSet<>();
        if (text == null) {
            return codes;
        }
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            String code = matcher.group().toLowerCase(Locale.ROOT);
            for (int dash = code.indexOf('-'); dash > 0; dash = code.indexOf('-', dash + 1)) {
                addIfCode(code.substring(0, dash), codes);
            }
            addIfCode(code, codes);
        }
        return codes;
    }

    private static void addIfCode(String candidate, Set<String> codes) {
        if (candidate.indexOf('-') > 0 && DIGIT.matcher(candidate).find()) {
            codes.add(candidate);
        }
    }
}
