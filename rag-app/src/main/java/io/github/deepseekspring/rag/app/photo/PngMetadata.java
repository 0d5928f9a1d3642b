package io.github.deepseekspring.rag.app.photo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * PNG without its text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}: where XMP and comments go), {@code eXIf}
 * and {@code tIME}. Whole chunks go, so the others keep their checksums.
 */
final class PngMetadata {

	private static final Set<String> METADATA = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

	private static final int SIGNATURE = 8;

	private PngMetadata() {
	}

	static byte[] strip(byte[] png) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
		out.write(png, 0, SIGNATURE);
		int pos = SIGNATURE;
		while (pos < png.length) {
			long length = ((png[pos] & 0xFFL) << 24) | ((png[pos + 1] & 0xFF) << 16) | ((png[pos + 2] & 0xFF) << 8)
					| (png[pos + 3] & 0xFF);
			long total = 12 + length;
			if (pos + total > png.length) {
				throw new IllegalArgumentException("chunk runs past the end of the image");
			}
			String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
			if (!METADATA.contains(type)) {
				out.write(png, pos, (int) total);
			}
			pos += (int) total;
			if ("IEND".equals(type)) {
				break;
			}
		}
		return out.toByteArray();
	}

}
