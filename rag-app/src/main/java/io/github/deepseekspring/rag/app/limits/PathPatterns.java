package io.github.deepseekspring.rag.app.limits;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** A set of Spring path patterns matched against a request's path within the application. */
final class PathPatterns {

	private final List<PathPattern> patterns;

	PathPatterns(List<String> patterns) {
		this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	boolean matches(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathContainer container = PathContainer.parsePath(path);
		return this.patterns.stream().anyMatch((pattern) -> pattern.matches(container));
	}

}
