package io.github.deepseekspring.rag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document into chunks of about {@code targetTokens}, Chinese- and English-aware: at headings first (each
 * section is chunked alone and keeps its heading path), then paragraphs, then sentence ends ({@code 。！？；} anywhere,
 * {@code .!?} only before white space, so {@code v1.5} and {@code E-1023.} stay whole), never inside a code span, a
 * product code or a surrogate pair. Consecutive chunks of a section share about {@code overlapTokens}.
 */
public final class Chunker {

	// A sentence: text up to a CJK sentence end, or up to . ! ? followed by white space, or the end.
	private static final Pattern SENTENCE = Pattern.compile("(?s).+?(?:[。！？；]+|[.!?]+(?=\\s)|$)");

	// A Markdown table: every line a row between pipes.
	private static final Pattern TABLE = Pattern.compile("(?:\\|[^\\n]*\\|\\s*(?:\\n|$))+");

	private static final Pattern HEADER_RULE = Pattern.compile("\\|(?:\\s*:?-+:?\\s*\\|)+\\s*");

	private final int targetTokens;

	private final int overlapTokens;

	public Chunker(int targetTokens, int overlapTokens) {
		if (targetTokens < 16 || overlapTokens < 0 || overlapTokens >= targetTokens) {
			throw new IllegalArgumentException("need targetTokens >= 16 and 0 <= overlapTokens < targetTokens");
		}
		this.targetTokens = targetTokens;
		this.overlapTokens = overlapTokens;
	}

	/** A piece of a document: its text, heading path and page. */
	public record Piece(String text, List<String> headingPath, Integer page) {

	}

	public List<Piece> chunk(ParsedDocument document) {
		List<Piece> pieces = new ArrayList<>();
		for (ParsedDocument.Section section : document.sections()) {
			for (String text : pack(units(section.text()))) {
				pieces.add(new Piece(text, section.headingPath(), section.page()));
			}
		}
		return pieces;
	}

	/** Paragraphs that fit, else their sentences, else slices of over-long sentences. */
	private List<String> units(String text) {
		List<String> units = new ArrayList<>();
		for (String paragraph : paragraphs(text)) {
			if (TokenEstimate.of(paragraph) <= this.targetTokens || paragraph.contains("```")) {
				units.add(paragraph);
				continue;
			}
			if (TABLE.matcher(paragraph).matches()) {
				units.addAll(tableSlices(paragraph));
				continue;
			}
			UnbreakableSpans spans = UnbreakableSpans.in(paragraph);
			Matcher sentence = SENTENCE.matcher(paragraph);
			int from = 0;
			while (sentence.find()) {
				int end = sentence.end();
				if (end < paragraph.length() && spans.cuts(end)) {
					continue;
				}
				units.addAll(slice(paragraph.substring(from, end).strip()));
				from = end;
			}
			units.addAll(slice(paragraph.substring(from).strip()));
			units.removeIf(String::isEmpty);
		}
		return units;
	}

	/**
	 * Rows of a long Markdown table in groups that fit, each under the table's header so that a row found alone
	 * still says what its columns are.
	 */
	private List<String> tableSlices(String table) {
		List<String> lines = table.lines().toList();
		boolean hasHeader = lines.size() > 2 && HEADER_RULE.matcher(lines.get(1)).matches();
		String header = hasHeader ? lines.get(0) + "\n" + lines.get(1) : "";
		List<String> slices = new ArrayList<>();
		StringBuilder group = new StringBuilder(header);
		for (String row : lines.subList(hasHeader ? 2 : 0, lines.size())) {
			if (group.length() > header.length()
					&& TokenEstimate.of(group + "\n" + row) > this.targetTokens) {
				slices.add(group.toString().strip());
				group.setLength(0);
				group.append(header);
			}
			if (TokenEstimate.of(header + "\n" + row) > this.targetTokens) {
				slices.addAll(slice(row));
				continue;
			}
			group.append('\n').append(row);
		}
		if (group.length() > header.length()) {
			slices.add(group.toString().strip());
		}
		return slices;
	}

	/** Text between blank lines; a fenced code block stays one paragraph even when it holds blank lines. */
	private static List<String> paragraphs(String text) {
		List<String> paragraphs = new ArrayList<>();
		StringBuilder open = new StringBuilder();
		for (String paragraph : text.split("\\n\\s*\\n")) {
			if (!open.isEmpty()) {
				open.append("\n\n");
			}
			open.append(paragraph);
			if (countFences(open) % 2 == 0) {
				paragraphs.add(open.toString().strip());
				open.setLength(0);
			}
		}
		paragraphs.add(open.toString().strip());
		paragraphs.removeIf(String::isEmpty);
		return paragraphs;
	}

	private static int countFences(CharSequence text) {
		int count = 0;
		for (int at = text.toString().indexOf("```"); at >= 0; at = text.toString().indexOf("```", at + 3)) {
			count++;
		}
		return count;
	}

	/**
	 * Over-long sentences are cut at white space where there is some, else between characters, but never inside a
	 * code span, a word or a product code unless that alone is longer than a chunk.
	 */
	private List<String> slice(String sentence) {
		if (TokenEstimate.of(sentence) <= this.targetTokens) {
			return List.of(sentence);
		}
		UnbreakableSpans spans = UnbreakableSpans.in(sentence);
		List<String> slices = new ArrayList<>();
		int start = 0;
		while (start < sentence.length()) {
			int end = start;
			int lastSpace = -1;
			while (end < sentence.length()) {
				int codePoint = sentence.codePointAt(end);
				int next = end + Character.charCount(codePoint);
				if (TokenEstimate.of(sentence.substring(start, next)) > this.targetTokens) {
					break;
				}
				if (Character.isWhitespace(codePoint)) {
					lastSpace = end;
				}
				end = next;
			}
			if (end < sentence.length()) {
				int cut = spans.safeCutAtOrBefore((lastSpace > start) ? lastSpace : end);
				end = (cut > start) ? cut : Math.max(end, start + Character.charCount(sentence.codePointAt(start)));
			}
			slices.add(sentence.substring(start, end).strip());
			start = end;
		}
		slices.removeIf(String::isEmpty);
		return slices;
	}

	private List<String> pack(List<String> units) {
		List<String> chunks = new ArrayList<>();
		List<String> current = new ArrayList<>();
		int tokens = 0;
		for (String unit : units) {
			int unitTokens = TokenEstimate.of(unit);
			if (!current.isEmpty() && tokens + unitTokens > this.targetTokens) {
				chunks.add(String.join("\n", current));
				List<String> overlap = tail(current);
				current = new ArrayList<>(overlap);
				tokens = overlap.stream().mapToInt(TokenEstimate::of).sum();
			}
			current.add(unit);
			tokens += unitTokens;
		}
		if (!current.isEmpty()) {
			chunks.add(String.join("\n", current));
		}
		return chunks;
	}

	/** The last units of a chunk that fit in the overlap, carried into the next chunk. */
	private List<String> tail(List<String> units) {
		List<String> tail = new ArrayList<>();
		int tokens = 0;
		for (int i = units.size() - 1; i >= 0; i--) {
			int unitTokens = TokenEstimate.of(units.get(i));
			if (tokens + unitTokens > this.overlapTokens) {
				break;
			}
			tail.add(0, units.get(i));
			tokens += unitTokens;
		}
		return tail;
	}

}
