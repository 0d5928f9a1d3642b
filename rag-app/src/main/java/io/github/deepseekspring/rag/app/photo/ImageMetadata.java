package io.github.deepseekspring.rag.app.photo;

import io.github.deepseekspring.model.image.ImageFormat;

/**
 * Removes what a photo says beside its pixels (EXIF with the GPS position, XMP, comments) without decoding it: the
 * pixels stay byte for byte, so nothing is lost to re-compression and no image library is needed. A JPEG keeps its
 * orientation (a phone's portrait photo would otherwise show sideways) in a new EXIF block holding only that.
 * GIF carries no EXIF and is kept as it is.
 *
 * @see <a href="../../../../../../../../../../BENCHMARKS.md">BENCHMARKS.md: stripping against re-encoding</a>
 */
final class ImageMetadata {

	private ImageMetadata() {
	}

	/**
	 * @return the image without its metadata
	 * @throws IllegalArgumentException when the image's structure is damaged
	 */
	static byte[] strip(ImageFormat format, byte[] image) {
		return switch (format) {
			case JPEG -> JpegMetadata.strip(image);
			case PNG -> PngMetadata.strip(image);
			case WEBP -> WebpMetadata.strip(image);
			case GIF -> image;
		};
	}

}
