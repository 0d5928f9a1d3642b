package io.github.deepseekspring.rag.ingest;

import java.util.List;
import java.util.stream.Collectors;

import org.jsoup.nodes.Element;

/**
 * Writes an HTML table as a Markdown table, one line per row. Cell by cell, a row's values lose what they belong
 * to: "营业厅" and "9:00–18:00" end up in separate paragraphs and neither a search nor the model can tell they are
 * one row. The first row is the header, as in Markdown, whether or not it is made of {@code th}.
 */
final class HtmlTables {

	private HtmlTables() {
	}

	static String markdown(Element table) {
		List<Element> rows = table.select("tr").stream()
			.filter((row) -> row.closest("table") == table)
			.filter((row) -> !row.select("> th, > td").isEmpty())
			.toList();
		if (rows.isEmpty()) {
			return "";
		}
		StringBuilder markdown = new StringBuilder();
		for (int i = 0; i < rows.size(); i++) {
			List<Element> cells = rows.get(i).select("> th, > td");
			markdown.append(cells.stream().map(HtmlTables::cell).collect(Collectors.joining(" | ", "| ", " |")))
				.append('\n');
			if (i == 0) {
				markdown.append("|---".repeat(cells.size())).append("|\n");
			}
		}
		return markdown.toString().strip();
	}

	private static String cell(Element cell) {
		return cell.text().strip().replace("|", "\\|");
	}

}
