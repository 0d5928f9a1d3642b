package io.github.deepseekspring.rag.app.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;

/**
 * Who is chatting: a random secret in an HttpOnly cookie, issued with the first message. Conversations store the
 * SHA-256 of it, so any instance of the application can tell whether a caller owns a conversation without sticky
 * sessions; a caller with another cookie (or none) gets 404 for it.
 */
public final class ChatOwner {

	/** Name of the cookie. */
	public static final String COOKIE = "DSRAG_CHAT";

	private static final SecureRandom random = new SecureRandom();

	private ChatOwner() {
	}

	/** The caller's owner hash, issuing a cookie when the caller has none. */
	public static String ownerHash(HttpServletRequest request, HttpServletResponse response) {
		String secret = secret(request);
		if (secret == null) {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, secret)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Lax")
				.path("/")
				.build()
				.toString());
		}
		return hash(secret);
	}

	/** The caller's owner hash, or null when the caller has no cookie (owns nothing). */
	public static String existingOwnerHash(HttpServletRequest request) {
		String secret = secret(request);
		return (secret != null) ? hash(secret) : null;
	}

	private static String secret(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() >= 32) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
