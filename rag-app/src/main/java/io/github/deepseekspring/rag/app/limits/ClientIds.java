package io.github.deepseekspring.rag.app.limits;

import java.util.Optional;

import io.github.deepseekspring.rag.app.security.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, for limits and budgets: {@code key:} and the id of an API key once it was verified,
 * {@code user:} and the name of a signed-in user, or else {@code ip:} and the client address. A Bearer token that was
 * not verified, or a conversation cookie, is no identity: anyone can make up a new one for every request. Logs and
 * stored rows show the address only as a keyed hash ({@code InstallSecret#pseudonym}).
 */
public final class ClientIds {

	private ClientIds() {
	}

	public static String of(HttpServletRequest request) {
		Optional<String> key = ApiKeys.verified(request);
		if (key.isPresent()) {
			return "key:" + key.get();
		}
		if (request.getUserPrincipal() != null) {
			return "user:" + request.getUserPrincipal().getName();
		}
		return "ip:" + request.getRemoteAddr();
	}

}
