package io.github.deepseekspring.rag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.zip.InflaterInputStream;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Measures what a PDF's text extraction would decode (page contents and the form XObjects they draw) before PDFBox
 * decodes it, because PDFBox decodes a stream into memory whole: a few hundred kilobytes of Flate data that expand to
 * gigabytes would end the JVM. Flate streams are inflated here on the fly and counted, never kept; a stream with
 * another expanding filter (LZW, run-length) is only read when its encoded size leaves room for its worst case.
 */
final class PdfContentBudget {

	/** The most a byte of LZW or run-length data is assumed to expand to. */
	private static final int WORST_CASE_EXPANSION = 1000;

	private static final Set<COSName> STREAMING = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION);

	private final long budget;

	private final Set<COSStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());

	private final byte[] buffer = new byte[64 * 1024];

	private long decoded;

	private PdfContentBudget(long budget) {
		this.budget = budget;
	}

	/** @throws UnreadableDocumentException when the document's content decodes to more than {@code budget} bytes */
	static void check(PDDocument document, long budget) throws IOException {
		PdfContentBudget content = new PdfContentBudget(budget);
		for (PDPage page : document.getPages()) {
			for (PDStream stream : contentStreams(page)) {
				content.count(stream.getCOSObject());
			}
			content.countForms(page.getResources());
		}
	}

	private static List<PDStream> contentStreams(PDPage page) {
		List<PDStream> streams = new java.util.ArrayList<>();
		page.getContentStreams().forEachRemaining(streams::add);
		return streams;
	}

	private void countForms(PDResources resources) throws IOException {
		if (resources == null) {
			return;
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject object = resources.getXObject(name);
			if (object instanceof PDFormXObject form && this.seen.add(form.getCOSObject())) {
				count(form.getCOSObject());
				countForms(form.getResources());
			}
		}
	}

	private void count(COSStream stream) throws IOException {
		List<COSName> filters = filters(stream);
		if (filters.stream().allMatch(STREAMING::contains)) {
			try (InputStream raw = stream.createRawInputStream(); InputStream in = inflated(raw, filters.size())) {
				for (int read = in.read(this.buffer); read >= 0; read = in.read(this.buffer)) {
					spend(read);
				}
			}
			return;
		}
		spend(stream.getLength() * WORST_CASE_EXPANSION);
	}

	private static InputStream inflated(InputStream raw, int times) {
		InputStream in = raw;
		for (int i = 0; i < times; i++) {
			in = new InflaterInputStream(in);
		}
		return in;
	}

	private static List<COSName> filters(COSStream stream) {
		COSBase filter = stream.getFilters();
		if (filter instanceof COSName name) {
			return List.of(name);
		}
		if (filter instanceof org.apache.pdfbox.cos.COSArray array) {
			return array.toList().stream().map((item) -> (item instanceof COSName name) ? name : COSName.getPDFName("?"))
				.toList();
		}
		return List.of();
	}

	private void spend(long bytes) {
		this.decoded += bytes;
		if (this.decoded > this.budget) {
			throw new UnreadableDocumentException("the PDF's pages expand to more than " + this.budget
					+ " bytes (deepseek.rag.ingest.parse-memory)");
		}
	}

}
