package io.github.deepseekspring.rag.app.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries a configured API key as {@code key:<id>} with the role {@code API_CLIENT}, for this
 * request only: the security context is kept in a request attribute (as HTTP Basic keeps it, so that the asynchronous
 * dispatch of a streamed answer finds it), never in a session. A made-up or missing key signs in no one: the rules of
 * the path decide (public chat: an anonymous caller; code assistant: 401).
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	/** The role of a request authenticated by an API key. */
	static final String ROLE = "API_CLIENT";

	private final ApiKeys keys;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	ApiKeyAuthenticationFilter(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.keys.verify(request).ifPresent((id) -> {
			PreAuthenticatedAuthenticationToken authentication = new PreAuthenticatedAuthenticationToken("key:" + id,
					null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
			SecurityContext context = this.contexts.createEmptyContext();
			context.setAuthentication(authentication);
			this.contexts.setContext(context);
			this.repository.saveContext(context, request, response);
		});
		chain.doFilter(request, response);
	}

}
