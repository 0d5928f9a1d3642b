package io.github.deepseekspring.rag.app.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a multipart request from a caller that is not signed in before anything reads its body. Without it the CSRF
 * check, looking for the token among the form fields, has the container parse (and write to disk) a 20 MB upload
 * before answering 403. Requests with credentials in a header (HTTP Basic, an API key) go on to have them checked
 * first; their bodies are read only once they pass.
 */
final class AnonymousUploadFilter extends OncePerRequestFilter {

	private final AuthenticationEntryPoint entryPoint;

	AnonymousUploadFilter(AuthenticationEntryPoint entryPoint) {
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (multipart(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null && !signedIn()) {
			this.entryPoint.commence(request, response,
					new InsufficientAuthenticationException("Uploads need a signed-in user"));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
