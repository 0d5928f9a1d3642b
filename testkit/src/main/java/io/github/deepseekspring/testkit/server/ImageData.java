package io.github.deepseekspring.testkit.server;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * What the simulators need to know of an image a client sent: its format, recognised from the bytes as the real
 * servers do (JPEG, PNG, GIF, WebP), and the bytes of a base64 payload or {@code data:} URL.
 */
public final class ImageData {

    private ImageData() {
    }

    /**
     * The format of an image's bytes.
     *
     * @param bytes the image
     * @return {@code JPEG}, {@code PNG}, {@code GIF} or {@code WebP}; empty for anything else
     */
    public static Optional<String> format(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("JPEG");
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("PNG");
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8') && bytes.length > 5 && bytes[5] == 'a') {
            return Optional.of("GIF");
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("WebP");
        }
        return Optional.empty();
    }

    /**
     * Decodes base64, as Ollama's {@code images} carry it.
     *
     * @param base64 the payload
     * @return the bytes, or empty when it is not base64
     */
    public static Optional<byte[]> decode(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes a {@code data:<type>;base64,<payload>} URL.
     *
     * @param url the URL
     * @return the bytes, or empty when it is not a base64 data URL
     */
    public static Optional<byte[]> decodeDataUrl(String url) {
        int comma = url.indexOf(',');
        if (!url.startsWith("data:") || comma < 0 || !url.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
            return Optional.empty();
        }
        return decode(url.substring(comma + 1));
    }

    /**
     * @param url an image URL a client sent
     * @return whether it is an http(s) link, which a server would fetch
     */
    public static boolean isLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
