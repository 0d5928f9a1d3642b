package io.github.deepseekspring.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * Small real images for tests of image input: what a customer's photo is to the simulators, which recognise formats
 * from the bytes as the real servers do.
 */
public final class TestImages {

    // a 1x1 lossy WebP, which the JDK cannot write
    private static final String WEBP_1X1 = "UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=";

    private TestImages() {
    }

    /** @return a 16x16 PNG image */
    public static byte[] png() {
        return write("png");
    }

    /** @return a 16x16 JPEG image */
    public static byte[] jpeg() {
        return write("jpeg");
    }

    /** @return a 16x16 GIF image */
    public static byte[] gif() {
        return write("gif");
    }

    /** @return a 1x1 WebP image */
    public static byte[] webp() {
        return Base64.getDecoder().decode(WEBP_1X1);
    }

    /**
     * @param image image bytes
     * @param mimeType their type, e.g. {@code image/png}
     * @return a base64 {@code data:} URL of them
     */
    public static String dataUrl(byte[] image, String mimeType) {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(image);
    }

    private static byte[] write(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 16, 16);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("the JDK cannot write " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
