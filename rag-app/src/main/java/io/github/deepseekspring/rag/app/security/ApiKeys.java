package io.github.deepseekspring.rag.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The API keys of {@code deepseek.rag.api-keys} and the verification of a request's
 * {@code Authorization: Bearer <key>}. Keys are compared as SHA-256 digests in constant time, every configured key
 * each time, so neither their content nor their length leaks through timing; they are never logged. A verified key is
 * remembered on the request: only then is it the client's identity (for limits and budgets); a made-up token is not.
 */
public final class ApiKeys {

	private static final String VERIFIED = ApiKeys.class.getName() + ".verified";

	private static final String NONE = "";

	private final List<byte[]> digests;

	private final InstallSecret secret;

	public ApiKeys(List<String> keys, InstallSecret secret) {
		this.digests = keys.stream().map(ApiKeys::sha256).toList();
		this.secret = secret;
	}

	/** Whether any key is configured. */
	public boolean configured() {
		return !this.digests.isEmpty();
	}

	/**
	 * The id of the request's Bearer key when it is one of the configured keys (checked once per request).
	 * @return the key's {@link #id(String) id}, or empty when the request has no key or not a configured one
	 */
	public Optional<String> verify(HttpServletRequest request) {
		if (!(request.getAttribute(VERIFIED) instanceof String)) {
			String token = bearerToken(request);
			request.setAttribute(VERIFIED, (token != null && accepted(token)) ? id(token) : NONE);
		}
		return verified(request);
	}

	/** The id of the request's key when some filter has {@link #verify verified} it. */
	public static Optional<String> verified(HttpServletRequest request) {
		return (request.getAttribute(VERIFIED) instanceof String id && !id.isEmpty()) ? Optional.of(id)
				: Optional.empty();
	}

	/** The token of an {@code Authorization: Bearer} header, or null when there is none. */
	public static String bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = header.substring(7).strip();
		return token.isEmpty() ? null : token;
	}

	/**
	 * The first 16 hex digits of the key's keyed hash: names a key in limits, logs and audit rows, and reveals nothing
	 * of it even when someone picked a short key.
	 */
	public String id(String key) {
		return HexFormat.of().formatHex(this.secret.mac("api-key", key), 0, 8);
	}

	private boolean accepted(String token) {
		byte[] candidate = sha256(token);
		boolean match = false;
		for (byte[] key : this.digests) {
			// No early exit: every configured key is compared.
			match |= MessageDigest.isEqual(key, candidate);
		}
		return match;
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "ApiKeys[" + this.digests.size() + " keys]";
	}

}
