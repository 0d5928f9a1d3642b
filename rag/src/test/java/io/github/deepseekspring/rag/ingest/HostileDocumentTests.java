package io.github.deepseekspring.rag.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Files made to exhaust the JVM are refused with the limit named, before they do: a PDF whose compressed content
 * stream expands to hundreds of megabytes, one with too many pages, too much text, too many bytes.
 */
class HostileDocumentTests {

	private static final ParseLimits SMALL = new ParseLimits(2L * 1024 * 1024, 3, 16L * 1024 * 1024, 50_000);

	private final DocumentParser parser = new DocumentParser(SMALL);

	@Test
	@Timeout(30)
	void aCompressedStreamBombStopsAtTheMemoryLimit() throws IOException {
		byte[] bomb = pdfExpandingTo(512L * 1024 * 1024);
		assertThat((long) bomb.length).as("the file itself is small").isLessThan(SMALL.maxDocumentSize());
		// PDFBox would decode the stream into memory whole (with -Xmx200m: OutOfMemoryError), and extract its text for
		// minutes; it is refused in seconds, the stream never held.
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> this.parser.parse(bomb, DocumentFormat.PDF, "bomb"))
			.withMessageContaining("deepseek.rag.ingest.parse-memory");
	}

	@Test
	void tooManyPagesTooMuchTextOrTooManyBytesNameTheirLimit() throws IOException {
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> this.parser.parse(pdfWithPages(4), DocumentFormat.PDF, "long"))
			.withMessageContaining("4 pages")
			.withMessageContaining("deepseek.rag.ingest.max-pdf-pages");
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> this.parser.parse("字".repeat(60_000).getBytes(UTF_8), DocumentFormat.TEXT, "wordy"))
			.withMessageContaining("deepseek.rag.ingest.max-text-length");
		assertThatExceptionOfType(DocumentTooLargeException.class)
			.isThrownBy(() -> this.parser.parse(new byte[3 * 1024 * 1024], DocumentFormat.TEXT, "big"))
			.withMessageContaining("deepseek.rag.ingest.max-document-size");
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> this.parser.parse(pdfWithPages(3), DocumentFormat.PDF, "blank"))
			.as("three pages pass the page limit; they hold no text")
			.withMessage("the document holds no text");
	}

	/** A one-page PDF whose content stream is a few hundred kilobytes of Flate data that expand to {@code size}. */
	private static byte[] pdfExpandingTo(long size) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			COSStream stream = document.getDocument().createCOSStream();
			byte[] line = "BT /F1 12 Tf 72 700 Td (bomb bomb bomb bomb bomb bomb bomb bomb bomb bomb bomb) Tj ET\n"
				.getBytes(UTF_8);
			try (OutputStream raw = stream.createRawOutputStream(); OutputStream out = new DeflaterOutputStream(raw)) {
				for (long written = 0; written < size; written += line.length) {
					out.write(line);
				}
			}
			stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
			page.setContents(new PDStream(stream));
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
	}

	private static byte[] pdfWithPages(int pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage());
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
	}

}
