package io.github.deepseekspring.model.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks personal data in text: mainland mobile numbers, resident identity card numbers (check digit and
 * birth date verified), payment card numbers (Luhn and issuer prefix verified), e-mail addresses and the street part
 * of Chinese postal addresses. Thread-safe; patterns are compiled once.
 * <p>
 * Numbers must stand alone: a run of digits or letters around them (order numbers, timestamps, product codes such
 * as {@code YF-AX3000}) is not personal data. When candidates overlap, the first kind in {@link PiiType}'s order wins
 * (a resident ID that happens to pass the Luhn check is a resident ID).
 * <p>
 * Masking keeps the first 4 and last 4 characters of a value longer than 8 characters ({@code 1381***5678}), the
 * first and last of a shorter one, and separators ({@code -}, space, {@code @}, {@code .}); addresses keep their
 * province, city and district and lose the street and house number entirely. Addresses written with Chinese
 * numerals ({@code 十二号}) are not recognised.
 */
public final class PiiDetector {

	/** Not inside a run of digits or letters, nor glued to one by a hyphen or underscore (product codes). */
	private static final String NOT_ALNUM_BEFORE = "(?<![0-9A-Za-z])(?<![0-9A-Za-z][-_])";

	private static final String NOT_ALNUM_AFTER = "(?![0-9A-Za-z])";

	private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])"
			+ "(?<v>[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24})"
			+ "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

	private static final Pattern RESIDENT_ID = Pattern.compile(NOT_ALNUM_BEFORE
			+ "(?<v>[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx])"
			+ NOT_ALNUM_AFTER);

	private static final Pattern BANK_CARD = Pattern.compile(NOT_ALNUM_BEFORE
			+ "(?<v>[2-69]\\d{12,18}|[2-69]\\d{3}(?<sep>[ -])\\d{4}(?:\\k<sep>\\d{4}){1,2}(?:\\k<sep>\\d{1,4})?)"
			+ NOT_ALNUM_AFTER);

	private static final Pattern MOBILE = Pattern.compile(NOT_ALNUM_BEFORE + "(?<!\\+)(?:(?:\\+|00)86[ -]?)?"
			+ "(?<v>1[3-9]\\d(?:[ -]?\\d{4}){2})" + NOT_ALNUM_AFTER);

	private static final String HAN = "\\p{IsHan}";

	private static final Pattern ADDRESS = Pattern.compile("(?:" + HAN + "{2,8}?(?:省|自治区|特别行政区))?"
			+ "(?:" + HAN + "{2,8}?(?:市|自治州|地区|盟))?" + "(?:" + HAN + "{1,8}?(?:区|县|旗))?"
			+ "(?<v>[\\p{IsHan}A-Za-z0-9]{1,10}?(?:路|街|大道|巷|弄|胡同)[0-9０-９]{1,5}(?:[-－][0-9]{1,4})?号"
			+ "(?:[0-9A-Za-z-]{1,6}(?:号楼|栋|幢|座|单元|室|层|楼))*)");

	private static final PiiDetector DEFAULT = new PiiDetector(java.util.Set.of(), java.util.Set.of());

	private final java.util.Set<String> allowedValues;

	private final java.util.Set<String> allowedDomains;

	private PiiDetector(java.util.Set<String> allowedValues, java.util.Set<String> allowedDomains) {
		this.allowedValues = allowedValues;
		this.allowedDomains = allowedDomains;
	}

	/** The detector with every kind of {@link PiiType} switched on and nothing allowed. */
	public static PiiDetector defaults() {
		return DEFAULT;
	}

	/**
	 * A detector that leaves the given values alone: the organisation's own contact details, which are not personal
	 * data and which answers must quote correctly. An entry starting with {@code @} allows every e-mail address of
	 * that domain ({@code @example.com}); any other entry is one value, compared ignoring case, spaces and hyphens.
	 */
	public PiiDetector allowing(java.util.Collection<String> allowed) {
		java.util.Set<String> values = new java.util.HashSet<>(this.allowedValues);
		java.util.Set<String> domains = new java.util.HashSet<>(this.allowedDomains);
		for (String entry : allowed) {
			if (entry == null || entry.isBlank()) {
				continue;
			}
			String e = entry.strip().toLowerCase(java.util.Locale.ROOT);
			if (e.startsWith("@")) {
				domains.add(e.substring(1));
			}
			else {
				values.add(normalize(e));
			}
		}
		return new PiiDetector(java.util.Set.copyOf(values), java.util.Set.copyOf(domains));
	}

	private boolean allowed(PiiType type, String value) {
		if (this.allowedValues.isEmpty() && this.allowedDomains.isEmpty()) {
			return false;
		}
		String v = value.toLowerCase(java.util.Locale.ROOT);
		if (type == PiiType.EMAIL && this.allowedDomains.contains(v.substring(v.indexOf('@') + 1))) {
			return true;
		}
		return this.allowedValues.contains(normalize(v));
	}

	private static String normalize(String value) {
		return value.replace(" ", "").replace("-", "");
	}

	/** Whether the text holds any personal data. */
	public boolean containsPii(CharSequence text) {
		return !find(text).isEmpty();
	}

	/** The personal data in the text, in order, without overlaps. */
	public List<PiiMatch> find(CharSequence text) {
		if (text == null || !mayContainPii(text)) {
			return List.of();
		}
		List<PiiMatch> candidates = new ArrayList<>();
		// Each pattern runs only where one pass over the text found what every match of it needs: prompts full of
		// passages, prices and model numbers rarely have any, and the patterns (the address one above all) are slow.
		if (indexOf(text, '@') >= 0) {
			collect(EMAIL, PiiType.EMAIL, text, candidates);
		}
		if (longestDigitRun(text) >= SHORTEST_NUMBER) {
			collect(RESIDENT_ID, PiiType.RESIDENT_ID, text, candidates);
			collect(BANK_CARD, PiiType.BANK_CARD, text, candidates);
			collect(MOBILE, PiiType.MOBILE, text, candidates);
		}
		if (hasHouseNumber(text)) {
			collect(ADDRESS, PiiType.ADDRESS, text, candidates);
		}
		if (candidates.size() < 2) {
			return candidates;
		}
		List<PiiMatch> accepted = new ArrayList<>(candidates.size());
		for (PiiMatch candidate : candidates) {
			if (accepted.stream().noneMatch(candidate::overlaps)) {
				accepted.add(candidate);
			}
		}
		accepted.sort(Comparator.comparingInt(PiiMatch::start));
		return accepted;
	}

	/** The text with every piece of personal data masked; the same instance when there is none. */
	public String mask(String text) {
		List<PiiMatch> matches = find(text);
		if (matches.isEmpty()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		int from = 0;
		for (PiiMatch match : matches) {
			masked.append(text, from, match.start()).append(match.masked());
			from = match.end();
		}
		return masked.append(text, from, text.length()).toString();
	}

	/**
	 * A value with all but its first 4 and last 4 characters replaced by {@code *} (all but the first and last when
	 * it has 8 characters or fewer); separators stay.
	 */
	public static String maskValue(String value) {
		int n = value.length();
		int keep = n > 8 ? 4 : n >= 3 ? 1 : 0;
		StringBuilder masked = new StringBuilder(value);
		for (int i = keep; i < n - keep; i++) {
			if (!isSeparator(value.charAt(i))) {
				masked.setCharAt(i, '*');
			}
		}
		return masked.toString();
	}

	static String maskAll(String value) {
		return "*".repeat(value.length());
	}

	private static boolean isSeparator(char c) {
		return c == ' ' || c == '-' || c == '@' || c == '.';
	}

	/** Digits in the shortest number the patterns take: a mobile number's 11 (cards have 12 or more, IDs 17). */
	private static final int SHORTEST_NUMBER = 11;

	private static int indexOf(CharSequence text, char wanted) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == wanted) {
				return i;
			}
		}
		return -1;
	}

	/** The most ASCII digits in one run, single spaces or hyphens between them allowed (as in card numbers). */
	static int longestDigitRun(CharSequence text) {
		int longest = 0;
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				longest = Math.max(longest, ++run);
			}
			else if (!((c == ' ' || c == '-') && run > 0 && i + 1 < text.length() && text.charAt(i + 1) >= '0'
					&& text.charAt(i + 1) <= '9')) {
				run = 0;
			}
		}
		return longest;
	}

	/** Whether a 号 follows a digit somewhere, as in every house number the address pattern takes. */
	private static boolean hasHouseNumber(CharSequence text) {
		for (int i = 1; i < text.length(); i++) {
			if (text.charAt(i) == '号') {
				char before = text.charAt(i - 1);
				if ((before >= '0' && before <= '9') || (before >= '０' && before <= '９')) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean mayContainPii(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= '0' && c <= '9') || c == '@' || (c >= '０' && c <= '９')) {
				return true;
			}
		}
		return false;
	}

	private void collect(Pattern pattern, PiiType type, CharSequence text, List<PiiMatch> into) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			String value = m.group("v");
			if (valid(type, value) && !allowed(type, value)) {
				into.add(new PiiMatch(type, m.start("v"), m.end("v"), value));
			}
		}
	}

	private static boolean valid(PiiType type, String value) {
		return switch (type) {
			case RESIDENT_ID -> validResidentId(value);
			case BANK_CARD -> validCard(value.replaceAll("[ -]", ""));
			default -> true;
		};
	}

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/** ISO 7064 MOD 11-2 check digit and a birth date that exists and is not in the future. */
	static boolean validResidentId(String id) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		if (Character.toUpperCase(id.charAt(17)) != ID_CHECK[sum % 11]) {
			return false;
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
			return !birth.isAfter(LocalDate.now()) && birth.getYear() >= 1880;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/** 13 to 19 digits, an issuer prefix in use and a valid Luhn check digit. */
	static boolean validCard(String digits) {
		int n = digits.length();
		if (n < 13 || n > 19 || !knownIssuer(digits)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < n; i++) {
			int d = digits.charAt(n - 1 - i) - '0';
			if (i % 2 == 1) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return sum % 10 == 0;
	}

	private static boolean knownIssuer(String digits) {
		int two = Integer.parseInt(digits.substring(0, 2));
		int four = Integer.parseInt(digits.substring(0, 4));
		return digits.charAt(0) == '4' // Visa
				|| (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) // Mastercard
				|| two == 34 || two == 37 || two == 35 // American Express, JCB
				// UnionPay, Discover, Diners, domestic debit cards
				|| two == 62 || two == 60 || two == 65 || two == 64 || two == 36 || two == 95;
	}

}
