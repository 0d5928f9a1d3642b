package io.github.deepseekspring.rag.app.cache;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question names that an embedding barely sees: its numbers (digits, also inside product codes, and number
 * words with a unit), its names (Latin words in a Chinese question; capitalised words and acronyms in an English one)
 * and how often it negates. "XL-300M 多少钱" and "XL-500M 多少钱", "reset for 10 s" and "reset for 30 s", "签了合约" and
 * "没签合约" are near each other in every embedding and ask different things: two questions share an answer only when
 * they name the same specifics. A question that names a number or name the other leaves out is a miss, which costs a
 * model call; serving the other's answer would answer a different question.
 */
final class QuestionSpecifics {

	private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");

	/**
	 * Chinese number words with a unit after them ("两年", "十二个月"); a lone 一 is left out, as in "一个", "一下" it is
	 * mostly an article.
	 */
	private static final Pattern CHINESE_NUMBER = Pattern
		.compile("(?<![零一二两三四五六七八九十百千万])([二两三四五六七八九十][零一二两三四五六七八九十百千万]*|一[十百千万][零一二两三四五六七八九十百千万]*)"
				+ "(?=[个次年月天日周小时分钟秒岁台张元块倍条部寸米层位名户份遍])");

	private static final Map<Character, Integer> CHINESE_DIGITS = Map.ofEntries(Map.entry('零', 0),
			Map.entry('一', 1), Map.entry('二', 2), Map.entry('两', 2), Map.entry('三', 3), Map.entry('四', 4),
			Map.entry('五', 5), Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9));

	/** English number words; "one" is left out, as it is mostly a pronoun or an article ("which one", "one plug"). */
	private static final Map<String, Integer> ENGLISH_NUMBERS = Map.ofEntries(Map.entry("two", 2),
			Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("twenty", 20), Map.entry("thirty", 30),
			Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("ninety", 90),
			Map.entry("hundred", 100), Map.entry("thousand", 1000), Map.entry("twice", 2));

	private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9+'’-]*");

	private static final Pattern WORD_OR_SENTENCE_END = Pattern.compile("[A-Za-z][A-Za-z0-9+'’-]*|[.?!;:]");

	private static final Pattern CHINESE_NEGATION = Pattern.compile("[不没无未非别勿]");

	/** Words that hold a negation character without negating. */
	private static final Pattern CHINESE_NOT_NEGATING = Pattern.compile("无线|非常|别人|无论|不管");

	/** "…能交网费不？", "…要钱不": a closing 不 asks, it does not negate. */
	private static final Pattern CHINESE_CLOSING_QUESTION = Pattern.compile("不[\\s?？。!！~～]*$");

	private static final Pattern ENGLISH_NEGATION = Pattern.compile(
			"\\b(?:not|no|never|without|none|nothing|cannot)\\b|n['’]t\\b", Pattern.CASE_INSENSITIVE);

	private static final Set<String> FIRST_PERSON = Set.of("i", "i'm", "i'll", "i've", "i'd", "i’m", "i’ll", "i’ve",
			"i’d");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final List<String> numbers;

	private final List<String> names;

	private final int negations;

	private final String compact;

	private QuestionSpecifics(List<String> numbers, List<String> names, int negations, String compact) {
		this.numbers = numbers;
		this.names = names;
		this.negations = negations;
		this.compact = compact;
	}

	static QuestionSpecifics of(String question) {
		String text = Normalizer.normalize(question, Normalizer.Form.NFKC).strip();
		boolean chinese = text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		List<String> numbers = numbers(text);
		List<String> names = chinese ? latinWords(text) : englishNames(text);
		int negations = chinese ? chineseNegations(text) : count(ENGLISH_NEGATION.matcher(text));
		return new QuestionSpecifics(numbers, names, negations, compact(text));
	}

	/** Whether two questions name the same numbers and names, and negate alike. */
	boolean sameAs(QuestionSpecifics other) {
		return this.numbers.equals(other.numbers) && this.negations == other.negations && namedIn(this, other)
				&& namedIn(other, this);
	}

	@Override
	public String toString() {
		return "numbers " + this.numbers + ", names " + this.names + ", negations " + this.negations;
	}

	private static boolean namedIn(QuestionSpecifics names, QuestionSpecifics text) {
		return names.names.stream().allMatch(text.compact::contains);
	}

	private static List<String> numbers(String text) {
		List<String> numbers = new ArrayList<>();
		Matcher digits = DIGITS.matcher(text);
		while (digits.find()) {
			numbers.add(digits.group().replace(",", ""));
		}
		Matcher chinese = CHINESE_NUMBER.matcher(text);
		while (chinese.find()) {
			numbers.add(Integer.toString(chineseNumber(chinese.group(1))));
		}
		Matcher words = LATIN_WORD.matcher(text);
		while (words.find()) {
			for (String part : words.group().toLowerCase(Locale.ROOT).split("-")) {
				Integer value = ENGLISH_NUMBERS.get(part);
				if (value != null) {
					numbers.add(value.toString());
				}
			}
		}
		numbers.sort(null);
		return List.copyOf(numbers);
	}

	private static int chineseNumber(String words) {
		int total = 0;
		int digit = 0;
		for (char c : words.toCharArray()) {
			Integer value = CHINESE_DIGITS.get(c);
			if (value != null) {
				digit = value;
				continue;
			}
			int unit = switch (c) {
				case '十' -> 10;
				case '百' -> 100;
				case '千' -> 1000;
				default -> 10000;
			};
			total = (unit == 10000) ? (total + digit) * unit : total + Math.max(digit, 1) * unit;
			digit = 0;
		}
		return total + digit;
	}

	/** In a Chinese question every Latin word is a name: a product, plan, app or channel. */
	private static List<String> latinWords(String text) {
		List<String> names = new ArrayList<>();
		Matcher words = LATIN_WORD.matcher(text);
		while (words.find()) {
			names.add(compact(words.group()));
		}
		return names;
	}

	/**
	 * In an English question the names are the capitalised words inside a sentence (not "I") and the acronyms
	 * anywhere; a colloquial question written in lower case still contains them, so they are compared without case.
	 */
	private static List<String> englishNames(String text) {
		List<String> names = new ArrayList<>();
		boolean sentenceStart = true;
		Matcher tokens = WORD_OR_SENTENCE_END.matcher(text);
		while (tokens.find()) {
			String token = tokens.group();
			if (!Character.isLetter(token.charAt(0))) {
				sentenceStart = true;
				continue;
			}
			long capitals = token.chars().filter(Character::isUpperCase).count();
			boolean name = (capitals >= 2) || (capitals == 1 && !sentenceStart && Character.isUpperCase(token.charAt(0))
					&& !FIRST_PERSON.contains(token.toLowerCase(Locale.ROOT)));
			if (name) {
				names.add(compact(token));
			}
			sentenceStart = false;
		}
		return names;
	}

	private static int chineseNegations(String text) {
		String asked = CHINESE_CLOSING_QUESTION.matcher(text).replaceAll("");
		return count(CHINESE_NEGATION.matcher(CHINESE_NOT_NEGATING.matcher(asked).replaceAll("")));
	}

	private static int count(Matcher matcher) {
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static String compact(String text) {
		return NOT_ALPHANUMERIC.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
	}

}
