package io.github.deepseekspring.rag.app.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import io.github.deepseekspring.rag.app.security.InstallSecret;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Who is chatting: a random secret in an HttpOnly cookie, issued with the first message and signed with the
 * {@link InstallSecret}, so that only values this installation issued are accepted (a client, or a sibling subdomain
 * tossing a cookie, cannot pick one). Over HTTPS, also behind a TLS proxy that says so, the cookie is
 * {@code __Host-DSRAG_CHAT}: Secure, path {@code /}, no domain, which no other host can set. Conversations store the
 * SHA-256 of the random part, so any instance of the application can tell whether a caller owns a conversation
 * without sticky sessions; a caller with another cookie (or none) gets 404 for it.
 */
public final class ChatOwner {

	/** Name of the cookie over plain HTTP. */
	public static final String COOKIE = "DSRAG_CHAT";

	/** Name of the cookie over HTTPS. */
	public static final String SECURE_COOKIE = "__Host-" + COOKIE;

	private static final String PURPOSE = "chat-owner";

	private static final int RANDOM_LENGTH = 43;

	private static final SecureRandom random = new SecureRandom();

	private final InstallSecret secret;

	public ChatOwner(InstallSecret secret) {
		this.secret = secret;
	}

	/** The caller's owner hash, issuing a cookie when the caller has no valid one. */
	public String ownerHash(HttpServletRequest request, HttpServletResponse response) {
		return ownerHash(request, response, false);
	}

	/**
	 * The owner hash of a caller inside the chat widget's iframe on another site, issuing a cookie that such an iframe
	 * keeps: over HTTPS {@code SameSite=None; Partitioned} (CHIPS), so that the browser sends it from that iframe and
	 * only while the top-level page belongs to the same site (another site embedding the app gets a jar of its own,
	 * and the app's own pages keep their {@code Lax} cookie). Browsers refuse {@code SameSite=None} without
	 * {@code Secure}, so over plain HTTP the cookie stays {@code Lax}: the widget then keeps its conversation only on
	 * pages of the same site (e.g. another port of localhost).
	 */
	public String embeddedOwnerHash(HttpServletRequest request, HttpServletResponse response) {
		return ownerHash(request, response, true);
	}

	private String ownerHash(HttpServletRequest request, HttpServletResponse response, boolean embedded) {
		String owner = owner(request);
		if (owner == null) {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			owner = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			boolean thirdParty = embedded && request.isSecure();
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(request.isSecure() ? SECURE_COOKIE : COOKIE,
							owner + "." + this.secret.sign(PURPOSE, owner))
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite(thirdParty ? "None" : "Lax")
						.partitioned(thirdParty)
						.path("/")
						.build()
						.toString());
		}
		return hash(owner);
	}

	/** The caller's owner hash, or null when the caller has no valid cookie (owns nothing). */
	public String existingOwnerHash(HttpServletRequest request) {
		String owner = owner(request);
		return (owner != null) ? hash(owner) : null;
	}

	/** The random part of the first cookie of the right name that this installation signed. */
	private String owner(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		String name = request.isSecure() ? SECURE_COOKIE : COOKIE;
		for (Cookie cookie : request.getCookies()) {
			String value = cookie.getValue();
			int dot = (value != null) ? value.lastIndexOf('.') : -1;
			if (name.equals(cookie.getName()) && dot == RANDOM_LENGTH
					&& this.secret.verify(PURPOSE, value.substring(0, dot), value.substring(dot + 1))) {
				return value.substring(0, dot);
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
