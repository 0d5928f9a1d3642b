package io.github.deepseekspring.rag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits Markdown at ATX headings ({@code #} to {@code ######}) into sections that know their heading path. */
final class MarkdownSections {

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

	private MarkdownSections() {
	}

	static ParsedDocument parse(String markdown, String fallbackTitle) {
		List<ParsedDocument.Section> sections = new ArrayList<>();
		List<String> path = new ArrayList<>();
		List<Integer> levels = new ArrayList<>();
		String title = null;
		StringBuilder text = new StringBuilder();
		boolean inFence = false;
		for (String line : markdown.split("\r?\n", -1)) {
			if (line.strip().startsWith("```")) {
				inFence = !inFence;
			}
			Matcher heading = inFence ? null : HEADING.matcher(line);
			if (heading != null && heading.matches()) {
				flush(sections, path, text);
				int level = heading.group(1).length();
				String name = heading.group(2).strip();
				if (title == null && level == 1) {
					title = name;
					continue;
				}
				while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
					levels.remove(levels.size() - 1);
					path.remove(path.size() - 1);
				}
				levels.add(level);
				path.add(name);
				continue;
			}
			text.append(line).append('\n');
		}
		flush(sections, path, text);
		return new ParsedDocument((title != null) ? title : fallbackTitle, sections);
	}

	private static void flush(List<ParsedDocument.Section> sections, List<String> path, StringBuilder text) {
		if (!text.toString().isBlank()) {
			sections.add(new ParsedDocument.Section(List.copyOf(path), text.toString().strip(), null));
		}
		text.setLength(0);
	}

}
