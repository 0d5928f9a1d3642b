package io.github.deepseekspring.rag.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DocumentParserTests {

	private final DocumentParser parser = new DocumentParser();

	@Test
	void htmlKeepsTheMainContentAndItsHeadings() {
		String html = """
				<html><head><title>Returns</title><script>track()</script></head><body>
				<nav><a href="/">Home</a> <a href="/shop">Shop menu</a></nav>
				<header>Site banner</header>
				<main><h1>Return policy</h1><p>Returns within <b>7 days</b>.</p>
				<h2>Refunds</h2><ul><li>Refund in 3 working days.</li></ul></main>
				<footer>Copyright footer</footer></body></html>
				""";
		ParsedDocument parsed = parse(html, DocumentFormat.HTML);
		String all = String.join("\n", parsed.sections().stream().map(ParsedDocument.Section::text).toList());
		// The page's own h1 names it better than <title>, which often carries the site name too.
		assertThat(parsed.title()).isEqualTo("Return policy");
		assertThat(all).contains("Returns within 7 days.", "Refund in 3 working days.")
			.doesNotContain("Shop menu", "Site banner", "Copyright footer", "track()");
		assertThat(parsed.sections()).extracting(ParsedDocument.Section::headingPath)
			.contains(List.of("Refunds"));
	}

	@Test
	void htmlTablesKeepEachRowOnOneLineUnderTheirHeader() {
		String html = """
				<html><body><h1>Contact</h1><h2>Channels</h2>
				<table><tr><th>Channel</th><th>Hours</th></tr>
				<tr><td>Store</td><td>9:00–18:00, <b>weekends</b> 10:00–17:00</td></tr>
				<tr><td>Hotline | 24h line</td><td><p>8:00–22:00</p></td></tr></table>
				<ul><li><h3>not a heading</h3> inside a list</li></ul>
				</body></html>
				""";
		ParsedDocument parsed = parse(html, DocumentFormat.HTML);
		assertThat(parsed.sections()).singleElement().satisfies((section) -> {
			assertThat(section.headingPath()).containsExactly("Channels");
			assertThat(section.text()).contains("""
					| Channel | Hours |
					|---|---|
					| Store | 9:00–18:00, weekends 10:00–17:00 |
					| Hotline \\| 24h line | 8:00–22:00 |""")
				.contains("not a heading inside a list")
				.doesNotContain("#");
		});
	}

	@Test
	void pdfTextKeepsItsPageNumbers() throws IOException {
		ParsedDocument parsed = this.parser.parse(pdf(null, "Warranty lasts two years.", "", "Shipping takes 3 days."),
				DocumentFormat.PDF, "manual.pdf");
		assertThat(parsed.title()).isEqualTo("manual.pdf");
		assertThat(parsed.sections()).extracting(ParsedDocument.Section::page).containsExactly(1, 3);
		assertThat(parsed.sections().get(1).text()).contains("Shipping takes 3 days.");
	}

	@Test
	void encryptedMalformedAndTextlessPdfsAreUnreadable() throws IOException {
		assertUnreadable(pdf("secret", "Hidden text."), DocumentFormat.PDF, "encrypted");
		assertUnreadable("%PDF-1.7\nnot a pdf".getBytes(StandardCharsets.UTF_8), DocumentFormat.PDF, "malformed");
		assertUnreadable(pdf(null, ""), DocumentFormat.PDF, "no text");
	}

	@Test
	void textMustBeNonEmptyUtf8AndLosesItsByteOrderMark() {
		assertUnreadable(new byte[0], DocumentFormat.TEXT, "empty");
		assertUnreadable(new byte[] { (byte) 0xB1, (byte) 0xA6 }, DocumentFormat.MARKDOWN, "UTF-8");
		assertUnreadable(" \n\t\n".getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT, "no text");
		ParsedDocument parsed = parse("\uFEFF保修两年。", DocumentFormat.TEXT);
		assertThat(parsed.sections().get(0).text()).isEqualTo("保修两年。");
	}

	@Test
	void markdownHeadingsInsideCodeFencesAreCode() {
		ParsedDocument parsed = parse("# Guide\n## Setup\n```\n# not a heading\n```\n", DocumentFormat.MARKDOWN);
		assertThat(parsed.title()).isEqualTo("Guide");
		assertThat(parsed.sections()).singleElement().satisfies((section) -> {
			assertThat(section.headingPath()).containsExactly("Setup");
			assertThat(section.text()).contains("# not a heading");
		});
	}

	private ParsedDocument parse(String text, DocumentFormat format) {
		return this.parser.parse(text.getBytes(StandardCharsets.UTF_8), format, "fallback");
	}

	private void assertUnreadable(byte[] content, DocumentFormat format, String reason) {
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> this.parser.parse(content, format, "fallback"))
			.withMessageContaining(reason);
	}

	/** A PDF with one page per text (empty text: a blank page), encrypted when a password is given. */
	private static byte[] pdf(String password, String... pages) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String text : pages) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					if (!text.isEmpty()) {
						content.beginText();
						content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
						content.newLineAtOffset(72, 700);
						content.showText(text);
						content.endText();
					}
				}
			}
			if (password != null) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password,
						new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			document.save(out);
			return out.toByteArray();
		}
	}

}
