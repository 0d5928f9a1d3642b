package io.github.deepseekspring.rag.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads Markdown, HTML, PDF and plain text into {@link ParsedDocument}s: headings become heading paths, HTML keeps
 * its main content (navigation, headers, footers, scripts dropped), PDF keeps page numbers for citations. Reading
 * stays within {@link ParseLimits}.
 */
public final class DocumentParser {

	private final ParseLimits limits;

	/** A parser with the default limits. */
	public DocumentParser() {
		this(ParseLimits.defaults());
	}

	public DocumentParser(ParseLimits limits) {
		this.limits = limits;
	}

	/** What reading a document may cost. */
	public ParseLimits limits() {
		return this.limits;
	}

	public ParsedDocument parse(byte[] content, DocumentFormat format, String fallbackTitle) {
		if (content.length == 0) {
			throw new UnreadableDocumentException("the file is empty");
		}
		this.limits.checkSize(content.length);
		ParsedDocument parsed = switch (format) {
			case MARKDOWN -> MarkdownSections.parse(decode(content), fallbackTitle);
			case TEXT -> new ParsedDocument(fallbackTitle,
					List.of(new ParsedDocument.Section(List.of(), decode(content), null)));
			case HTML -> html(decode(content), fallbackTitle);
			case PDF -> pdf(content, fallbackTitle);
		};
		if (parsed.isBlank()) {
			throw new UnreadableDocumentException("the document holds no text");
		}
		checkTextLength(parsed.sections().stream().mapToLong((section) -> section.text().length()).sum());
		return parsed;
	}

	private void checkTextLength(long characters) {
		if (characters > this.limits.maxTextLength()) {
			throw new UnreadableDocumentException("the document holds more than " + this.limits.maxTextLength()
					+ " characters of text (deepseek.rag.ingest.max-text-length)");
		}
	}

	private static String decode(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableDocumentException("the file is not valid UTF-8 text", ex);
		}
	}

	private static ParsedDocument html(String html, String fallbackTitle) {
		Document document = Jsoup.parse(html);
		document.select("script, style, nav, header, footer, aside, noscript, form, iframe").remove();
		Element main = document.selectFirst("main, article, [role=main]");
		Element body = (main != null) ? main : document.body();
		String title = !document.title().isBlank() ? document.title().strip() : fallbackTitle;
		StringBuilder markdown = new StringBuilder();
		for (Element element : body.select("h1, h2, h3, h4, h5, h6, p, li, table, pre, blockquote, dt, dd")) {
			if (element.parents().stream().anyMatch((parent) -> parent.tagName().matches("li|table|p|blockquote|pre"))) {
				continue;
			}
			if (element.tagName().matches("h[1-6]")) {
				markdown.append("#".repeat(element.tagName().charAt(1) - '0')).append(' ');
			}
			String text = element.tagName().equals("table") ? HtmlTables.markdown(element) : element.wholeText().strip();
			markdown.append(text).append("\n\n");
		}
		if (markdown.isEmpty()) {
			markdown.append(body.text());
		}
		return MarkdownSections.parse(markdown.toString(), title);
	}

	private ParsedDocument pdf(byte[] content, String fallbackTitle) {
		// Decoded streams live in bounded memory: a compressed-stream bomb fails to read instead of ending the JVM.
		try (PDDocument document = Loader.loadPDF(content, "", null, null,
				MemoryUsageSetting.setupMainMemoryOnly(this.limits.maxParseMemory()).streamCache)) {
			if (document.isEncrypted()) {
				throw new UnreadableDocumentException("the PDF is encrypted");
			}
			int pages = document.getNumberOfPages();
			if (pages > this.limits.maxPdfPages()) {
				throw new UnreadableDocumentException("the PDF has " + pages + " pages, more than the "
						+ this.limits.maxPdfPages() + " allowed (deepseek.rag.ingest.max-pdf-pages)");
			}
			PdfContentBudget.check(document, this.limits.maxParseMemory());
			PDFTextStripper stripper = new PDFTextStripper();
			List<ParsedDocument.Section> sections = new ArrayList<>();
			BoundedText text = new BoundedText(this.limits.maxTextLength());
			for (int page = 1; page <= pages; page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				stripper.writeText(document, text);
				String pageText = text.takePage().strip();
				if (!pageText.isEmpty()) {
					sections.add(new ParsedDocument.Section(List.of(), pageText, page));
				}
			}
			String title = document.getDocumentInformation().getTitle();
			return new ParsedDocument((title != null && !title.isBlank()) ? title.strip() : fallbackTitle, sections);
		}
		catch (InvalidPasswordException ex) {
			throw new UnreadableDocumentException("the PDF is encrypted", ex);
		}
		catch (IOException ex) {
			if (String.valueOf(ex.getMessage()).contains("Maximum allowed")) {
				throw new UnreadableDocumentException("reading the PDF needs more than " + this.limits.maxParseMemory()
						+ " bytes of memory (deepseek.rag.ingest.parse-memory)", ex);
			}
			throw new UnreadableDocumentException("the PDF is malformed: " + ex.getMessage(), ex);
		}
	}

}
