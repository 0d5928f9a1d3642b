package io.github.deepseekspring.rag.app.logging;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.github.deepseekspring.rag.app.chat.ChatOwner;
import io.github.deepseekspring.rag.app.limits.ClientIds;
import io.github.deepseekspring.rag.app.security.ApiKeys;
import io.github.deepseekspring.rag.app.security.InstallSecret;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id, the caller and (for {@code /api/chat/{id}} paths) the conversation id into the logging
 * context (MDC) of each request, so every log line and audit row of the request carries them; structured JSON logs
 * show them as fields. The request id is the caller's {@code X-Request-Id} when it is a plain token, else a new one,
 * and is echoed in the response. The caller is never a secret, nor reversible: {@code chat:} and a digest of the
 * (signed) chat cookie, {@code key:} and the keyed hash of a verified API key, a signed-in user's name, or {@code ip:}
 * and the keyed hash of the address.
 */
public class RequestMdc extends OncePerRequestFilter {

	/** MDC key of the request id. */
	public static final String REQUEST_ID = "requestId";

	/** MDC key of the caller id. */
	public static final String CALLER_ID = "callerId";

	/** MDC key of the conversation id. */
	public static final String CONVERSATION_ID = "conversationId";

	/** Header carrying the request id in and out. */
	public static final String HEADER = "X-Request-Id";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	private static final Pattern CHAT_PATH = Pattern.compile("/api/chat/([0-9a-fA-F-]{36})(?:/.*)?");

	private final ChatOwner owners;

	private final ApiKeys keys;

	private final InstallSecret secret;

	public RequestMdc(ChatOwner owners, ApiKeys keys, InstallSecret secret) {
		this.owners = owners;
		this.keys = keys;
		this.secret = secret;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String requestId = (given != null && SAFE_ID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		response.setHeader(HEADER, requestId);
		MDC.put(REQUEST_ID, requestId);
		MDC.put(CALLER_ID, callerId(request));
		var conversation = CHAT_PATH.matcher(request.getRequestURI());
		if (conversation.matches()) {
			MDC.put(CONVERSATION_ID, conversation.group(1));
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(REQUEST_ID);
			MDC.remove(CALLER_ID);
			MDC.remove(CONVERSATION_ID);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	String callerId(HttpServletRequest request) {
		String owner = this.owners.existingOwnerHash(request);
		if (owner != null) {
			return "chat:" + owner.substring(0, 16);
		}
		// This filter runs before the key filters: verify here, so that a key is the caller only when it is valid.
		this.keys.verify(request);
		return this.secret.pseudonym(ClientIds.of(request));
	}

}
