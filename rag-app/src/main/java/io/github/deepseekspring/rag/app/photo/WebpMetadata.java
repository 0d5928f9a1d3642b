package io.github.deepseekspring.rag.app.photo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * WebP without its {@code EXIF} and {@code XMP } chunks; the extended header ({@code VP8X}) stops announcing them,
 * and the RIFF size is written anew.
 */
final class WebpMetadata {

	private static final int HEADER = 12;

	private static final int EXIF_FLAG = 0x08;

	private static final int XMP_FLAG = 0x04;

	private WebpMetadata() {
	}

	static byte[] strip(byte[] webp) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(webp.length);
		out.write(webp, 0, HEADER);
		int pos = HEADER;
		while (pos + 8 <= webp.length) {
			String type = new String(webp, pos, 4, StandardCharsets.ISO_8859_1);
			long size = (webp[pos + 4] & 0xFFL) | ((webp[pos + 5] & 0xFF) << 8) | ((webp[pos + 6] & 0xFF) << 16)
					| ((webp[pos + 7] & 0xFFL) << 24);
			long total = 8 + size + (size & 1);
			if (pos + 8 + size > webp.length) {
				throw new IllegalArgumentException("chunk runs past the end of the image");
			}
			int whole = (int) Math.min(total, webp.length - pos);
			if ("VP8X".equals(type) && size > 0) {
				byte[] chunk = java.util.Arrays.copyOfRange(webp, pos, pos + whole);
				chunk[8] = (byte) (chunk[8] & ~(EXIF_FLAG | XMP_FLAG));
				out.write(chunk, 0, chunk.length);
			}
			else if (!"EXIF".equals(type) && !"XMP ".equals(type)) {
				out.write(webp, pos, whole);
			}
			pos += whole;
		}
		byte[] stripped = out.toByteArray();
		int riff = stripped.length - 8;
		stripped[4] = (byte) riff;
		stripped[5] = (byte) (riff >> 8);
		stripped[6] = (byte) (riff >> 16);
		stripped[7] = (byte) (riff >> 24);
		return stripped;
	}

}
