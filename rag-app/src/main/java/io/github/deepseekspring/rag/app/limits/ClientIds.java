package io.github.deepseekspring.rag.app.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Who a request comes from, for limits and the audit log: {@code key:} and a digest of its Bearer API key (never the
 * key), {@code user:} and the authenticated name, or {@code ip:} and the client address.
 */
public final class ClientIds {

	private ClientIds() {
	}

	public static String of(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
			return "key:" + keyDigest(header.substring(7).strip());
		}
		if (request.getUserPrincipal() != null) {
			return "user:" + request.getUserPrincipal().getName();
		}
		return "ip:" + request.getRemoteAddr();
	}

	/** The first 16 hex digits of the SHA-256 of an API key: identifies it in logs and audit rows, reveals nothing. */
	public static String keyDigest(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
