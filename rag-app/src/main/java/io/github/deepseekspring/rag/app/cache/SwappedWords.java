package io.github.deepseekspring.rag.app.cache;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two questions are one wording with words swapped inside it: "宽带欠费后<u>星联手机卡</u>从哪天开始停机" and
 * "宽带欠费后<u>宽带</u>从哪天开始停机", "孩子手机<u>开着</u>随机MAC地址…" and "孩子手机<u>关了</u>随机MAC地址…". Such a pair keeps
 * its wording around a different product, channel or condition, so its embeddings are as close as a paraphrase's
 * while it asks something else. Found on the longest common subsequence of the two questions' words (a Chinese
 * character is a word): a run of differing words on both sides with common words before and after it. Words added or
 * moved (politeness, a clause put first) and differences at the start or the end of a question are no swap.
 */
final class SwappedWords {

	private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\p{N}]+(?:['’-][\\p{IsLatin}\\p{N}]+)*|\\p{IsHan}");

	/** Word pairs compared at most; longer questions (rarely frequent ones) count as swapped, never served. */
	private static final int MAX_PAIRS = 40_000;

	private SwappedWords() {
	}

	static boolean between(String a, String b) {
		List<String> first = words(a);
		List<String> second = words(b);
		if ((long) first.size() * second.size() > MAX_PAIRS) {
			return true;
		}
		int[][] common = commonFrom(first, second);
		int i = 0;
		int j = 0;
		boolean matchedBefore = false;
		boolean droppedHere = false;
		boolean addedHere = false;
		while (i < first.size() && j < second.size()) {
			if (first.get(i).equals(second.get(j))) {
				if (matchedBefore && droppedHere && addedHere) {
					return true;
				}
				matchedBefore = true;
				droppedHere = false;
				addedHere = false;
				i++;
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				droppedHere = true;
				i++;
			}
			else {
				addedHere = true;
				j++;
			}
		}
		return false;
	}

	/** {@code common[i][j]}: the length of the longest common subsequence of the words from i and from j. */
	private static int[][] commonFrom(List<String> first, List<String> second) {
		int[][] common = new int[first.size() + 1][second.size() + 1];
		for (int i = first.size() - 1; i >= 0; i--) {
			for (int j = second.size() - 1; j >= 0; j--) {
				common[i][j] = first.get(i).equals(second.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		return common;
	}

	private static List<String> words(String question) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

}
