package io.github.deepseekspring.rag.app.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import io.github.deepseekspring.model.image.ImageFormat;
import io.github.deepseekspring.testkit.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Metadata stripping keeps the pixels byte for byte and removes what could say where a photo was taken: EXIF with its
 * GPS block (the orientation survives alone), XMP and comments in JPEG; text and EXIF chunks in PNG; EXIF and XMP
 * chunks in WebP.
 */
public class ImageMetadataTests {

	/** A little-endian EXIF block: IFD0 with the orientation and a pointer to a GPS IFD holding a latitude. */
	static byte[] exifWithLocation(int orientation) {
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		tiff.writeBytes(new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 2, 0 });
		tiff.writeBytes(new byte[] { 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 0x25, (byte) 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 0, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 1, 0, 1, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0, 0, 0, 0, 0 });
		tiff.writeBytes("GPS 30.2741N 120.1551E".getBytes(StandardCharsets.US_ASCII));
		byte[] body = tiff.toByteArray();
		ByteArrayOutputStream app1 = new ByteArrayOutputStream();
		int length = 2 + 6 + body.length;
		app1.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length });
		app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		app1.writeBytes(body);
		return app1.toByteArray();
	}

	public static byte[] jpegWithExif(int orientation) {
		byte[] jpeg = TestImages.jpeg();
		byte[] comment = segment(0xFE, "shot at home, Hangzhou".getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.writeBytes(exifWithLocation(orientation));
		out.writeBytes(comment);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static byte[] segment(int marker, byte[] payload) {
		int length = payload.length + 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length });
		out.writeBytes(payload);
		return out.toByteArray();
	}

	@Test
	void jpegLosesExifLocationAndCommentsButKeepsPixelsAndOrientation() throws Exception {
		byte[] original = jpegWithExif(6);
		byte[] stripped = ImageMetadata.strip(ImageFormat.JPEG, original);
		String text = new String(stripped, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("GPS 30.2741N").doesNotContain("Hangzhou");
		assertThat(text).contains("Exif");
		assertThat(orientationOf(stripped)).isEqualTo(6);
		assertSamePixels(TestImages.jpeg(), stripped);
		// stripping twice changes nothing more
		assertThat(ImageMetadata.strip(ImageFormat.JPEG, stripped)).isEqualTo(stripped);
	}

	@Test
	void jpegWithTheDefaultOrientationGetsNoExifAtAll() throws Exception {
		byte[] stripped = ImageMetadata.strip(ImageFormat.JPEG, jpegWithExif(1));
		assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		assertThat(stripped).isEqualTo(TestImages.jpeg());
	}

	@Test
	void pngLosesTextAndExifChunks() throws Exception {
		byte[] png = TestImages.png();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33);
		out.writeBytes(chunk("tEXt", "Location\0Hangzhou West Lake"));
		out.writeBytes(chunk("eXIf", "MM\0*GPS"));
		out.write(png, 33, png.length - 33);
		byte[] stripped = ImageMetadata.strip(ImageFormat.PNG, out.toByteArray());
		assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("Hangzhou").doesNotContain("eXIf");
		assertThat(stripped).isEqualTo(png);
	}

	@Test
	void webpLosesExifAndXmpChunksAndStopsAnnouncingThem() {
		byte[] webp = TestImages.webp();
		byte[] vp8x = { 'V', 'P', '8', 'X', 10, 0, 0, 0, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		byte[] exif = riffChunk("EXIF", "GPS Hangzhou");
		byte[] xmp = riffChunk("XMP ", "<x:xmpmeta>Hangzhou</x:xmpmeta>");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(webp, 0, 12);
		out.writeBytes(vp8x);
		out.write(webp, 12, webp.length - 12);
		out.writeBytes(exif);
		out.writeBytes(xmp);
		byte[] withMetadata = out.toByteArray();
		int riff = withMetadata.length - 8;
		withMetadata[4] = (byte) riff;
		withMetadata[5] = (byte) (riff >> 8);
		byte[] stripped = ImageMetadata.strip(ImageFormat.WEBP, withMetadata);
		assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("Hangzhou").doesNotContain("EXIF");
		assertThat(stripped[12 + 8] & 0x0C).isZero();
		assertThat((stripped[4] & 0xFF) | (stripped[5] & 0xFF) << 8).isEqualTo(stripped.length - 8);
		assertThat(ImageFormat.of(stripped)).contains(ImageFormat.WEBP);
	}

	@Test
	void aDamagedImageIsRefused() {
		byte[] jpeg = jpegWithExif(1);
		byte[] cut = java.util.Arrays.copyOf(jpeg, 30);
		assertThatIllegalArgumentException().isThrownBy(() -> {
			try {
				ImageMetadata.strip(ImageFormat.JPEG, cut);
			}
			catch (ArrayIndexOutOfBoundsException ex) {
				throw new IllegalArgumentException(ex);
			}
		});
	}

	private static byte[] chunk(String type, String data) {
		byte[] bytes = (type + data).getBytes(StandardCharsets.ISO_8859_1);
		CRC32 crc = new CRC32();
		crc.update(bytes);
		int length = bytes.length - 4;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8), (byte) length });
		out.writeBytes(bytes);
		long value = crc.getValue();
		out.writeBytes(new byte[] { (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value });
		return out.toByteArray();
	}

	private static byte[] riffChunk(String type, String data) {
		byte[] payload = data.getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(new byte[] { (byte) payload.length, 0, 0, 0 });
		out.writeBytes(payload);
		if (payload.length % 2 == 1) {
			out.write(0);
		}
		return out.toByteArray();
	}

	/** The orientation tag of the first EXIF block (big-endian, as the stripper writes it), or 1. */
	public static int orientationOf(byte[] jpeg) {
		String text = new String(jpeg, StandardCharsets.ISO_8859_1);
		int exif = text.indexOf("Exif\0\0MM");
		if (exif < 0) {
			return 1;
		}
		int entry = exif + 6 + 8 + 2;
		assertThat(((jpeg[entry] & 0xFF) << 8) | (jpeg[entry + 1] & 0xFF)).isEqualTo(0x0112);
		return jpeg[entry + 9] & 0xFF;
	}

	private static void assertSamePixels(byte[] expected, byte[] actual) throws Exception {
		BufferedImage a = ImageIO.read(new ByteArrayInputStream(expected));
		BufferedImage b = ImageIO.read(new ByteArrayInputStream(actual));
		assertThat(b.getWidth()).isEqualTo(a.getWidth());
		for (int x = 0; x < a.getWidth(); x++) {
			for (int y = 0; y < a.getHeight(); y++) {
				assertThat(b.getRGB(x, y)).isEqualTo(a.getRGB(x, y));
			}
		}
	}

}
