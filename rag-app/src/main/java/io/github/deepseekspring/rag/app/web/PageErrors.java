package io.github.deepseekspring.rag.app.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages (not of the JSON APIs) as the friendly error page, for browsers: without this, Spring MVC's
 * problem-details handler would answer a mistyped admin URL or an oversized upload with JSON. API paths and clients
 * that do not ask for HTML keep their problem details.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(PageErrors.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/actuator")
				|| accept == null || !accept.contains("text/html")) {
			return null;
		}
		int status = status(ex);
		if (status >= 500) {
			logger.error("Page {} failed", path, ex);
		}
		response.setStatus(status);
		return new ModelAndView("error", Map.of("status", status), HttpStatus.valueOf(status));
	}

	private static int status(Exception ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return HttpStatus.CONTENT_TOO_LARGE.value();
		}
		if (ex instanceof ErrorResponse response) {
			return response.getStatusCode().value();
		}
		return HttpStatus.INTERNAL_SERVER_ERROR.value();
	}

	@Override
	public int getOrder() {
		// Right after Spring Boot's DefaultErrorAttributes (which only records the exception), before MVC's handlers.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
