package io.github.deepseekspring.rag.app.photo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JPEG without APP1 (EXIF, XMP), APP3 to APP15 (IPTC, maker notes) and comments, and without anything after the end
 * of the image; APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform) stay, since the colours
 * depend on them. The EXIF orientation, when it is not the default, is written back alone.
 */
final class JpegMetadata {

	private static final int SOS = 0xDA;

	private static final int EOI = 0xD9;

	private static final int APP0 = 0xE0;

	private static final int APP1 = 0xE1;

	private static final int APP2 = 0xE2;

	private static final int APP14 = 0xEE;

	private static final int APP15 = 0xEF;

	private static final int COM = 0xFE;

	private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private static final int ORIENTATION_TAG = 0x0112;

	private JpegMetadata() {
	}

	static byte[] strip(byte[] jpeg) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
		out.write(0xFF);
		out.write(0xD8);
		int orientation = 1;
		boolean orientationWritten = false;
		int pos = 2;
		while (true) {
			int marker = nextMarker(jpeg, pos);
			pos = markerEnd(jpeg, pos);
			if (marker == EOI) {
				out.write(0xFF);
				out.write(EOI);
				return out.toByteArray();
			}
			int length = ((jpeg[pos] & 0xFF) << 8) | (jpeg[pos + 1] & 0xFF);
			if (length < 2 || pos + length > jpeg.length) {
				throw new IllegalArgumentException("segment runs past the end of the image");
			}
			boolean metadata = marker == COM || (marker >= APP1 && marker <= APP15 && marker != APP2 && marker != APP14);
			if (marker == APP1) {
				int found = orientation(jpeg, pos + 2, length - 2);
				orientation = (found != 1) ? found : orientation;
			}
			if (!metadata && marker != APP0 && !orientationWritten && orientation != 1) {
				// right after JFIF, before the frame: where readers look for EXIF
				writeOrientation(out, orientation);
				orientationWritten = true;
			}
			if (!metadata) {
				out.write(0xFF);
				out.write(marker);
				out.write(jpeg, pos, length);
			}
			pos += length;
			if (marker == SOS) {
				pos = copyScan(jpeg, pos, out);
			}
		}
	}

	/** The marker at {@code pos} (after any fill bytes). */
	private static int nextMarker(byte[] jpeg, int pos) {
		if ((jpeg[pos] & 0xFF) != 0xFF) {
			throw new IllegalArgumentException("no JPEG marker at " + pos);
		}
		while ((jpeg[pos] & 0xFF) == 0xFF) {
			pos++;
		}
		return jpeg[pos] & 0xFF;
	}

	private static int markerEnd(byte[] jpeg, int pos) {
		while ((jpeg[pos] & 0xFF) == 0xFF) {
			pos++;
		}
		return pos + 1;
	}

	/** Copies entropy-coded data up to the next marker that is not a restart marker or a stuffed zero. */
	private static int copyScan(byte[] jpeg, int pos, ByteArrayOutputStream out) {
		int start = pos;
		while (true) {
			if ((jpeg[pos] & 0xFF) == 0xFF) {
				int next = jpeg[pos + 1] & 0xFF;
				if (next != 0 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
					out.write(jpeg, start, pos - start);
					return pos;
				}
			}
			pos++;
		}
	}

	/** The orientation in an APP1 EXIF block, or 1 (none, or not EXIF). */
	private static int orientation(byte[] jpeg, int start, int length) {
		if (length < EXIF.length + 8 || !java.util.Arrays.equals(jpeg, start, start + EXIF.length, EXIF, 0, EXIF.length)) {
			return 1;
		}
		int tiff = start + EXIF.length;
		int end = start + length;
		boolean little = jpeg[tiff] == 'I';
		int ifd = tiff + (int) unsigned(jpeg, tiff + 4, 4, little);
		if (ifd + 2 > end) {
			return 1;
		}
		int entries = (int) unsigned(jpeg, ifd, 2, little);
		for (int i = 0; i < entries; i++) {
			int entry = ifd + 2 + i * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (unsigned(jpeg, entry, 2, little) == ORIENTATION_TAG) {
				int value = (int) unsigned(jpeg, entry + 8, 2, little);
				return (value >= 1 && value <= 8) ? value : 1;
			}
		}
		return 1;
	}

	private static long unsigned(byte[] bytes, int pos, int size, boolean little) {
		long value = 0;
		for (int i = 0; i < size; i++) {
			int b = bytes[pos + (little ? size - 1 - i : i)] & 0xFF;
			value = (value << 8) | b;
		}
		return value;
	}

	/** An APP1 EXIF block holding one tag: the orientation (big-endian TIFF, one IFD entry of type SHORT). */
	private static void writeOrientation(ByteArrayOutputStream out, int orientation) {
		byte[] block = { (byte) 0xFF, (byte) APP1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
				0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0 };
		out.write(block, 0, block.length);
	}

}
