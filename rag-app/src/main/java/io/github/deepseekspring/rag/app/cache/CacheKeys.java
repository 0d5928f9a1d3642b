package io.github.deepseekspring.rag.app.cache;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The exact key of a question: its language and its text in a normal form (compatibility forms folded, lower case,
 * one space between words, no closing punctuation), so "YF-AX3000 保修多久？" and "yf-ax3000 保修多久" are one
 * question; and the codec of stored question vectors.
 */
final class CacheKeys {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern CLOSING = Pattern.compile("[\\s?？!！。.…~～]+$");

	private CacheKeys() {
	}

	static String normalised(String question) {
		String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
		return CLOSING.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("");
	}

	/** SHA-256 of language and normal form. */
	static String key(String language, String question) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((language + "\n" + normalised(question)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	static String encode(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			buffer.putFloat(value);
		}
		return Base64.getEncoder().encodeToString(buffer.array());
	}

	static float[] decode(String encoded) {
		ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
		float[] vector = new float[buffer.remaining() / Float.BYTES];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = buffer.getFloat();
		}
		return vector;
	}

}
