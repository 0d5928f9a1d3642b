package io.github.deepseekspring.rag.app.security;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.session.autoconfigure.SessionProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring Session (JDBC) for the staff only. Customers never have a session: the chat and the widget know them by a
 * cookie of their own, the OpenAI facade by its API key. Boot registers Spring Session's filter for every path, and
 * there its response wrapper sits on every write of every streamed answer (a tenth of the app's CPU at 2,000 streams).
 * So Boot's registration is switched off, and the same filter is registered again, at the order and for the
 * dispatcher types Boot would give it ({@code spring.session.servlet.*}), for every path but the customers'.
 */
@Configuration(proxyBeanMethods = false)
class StaffSessionsConfiguration {

	/** Paths only customers use; nothing on them reads or makes a session. */
	static final List<String> CUSTOMER_PATHS = List.of("/api/chat/**", "/widget/**", "/widget.js", "/v1/**");

	/** The name of Boot's registration of Spring Session's filter for all paths (its auto-configuration's). */
	private static final String BOOT_REGISTRATION = "sessionRepositoryFilterRegistration";

	@Bean
	static BeanPostProcessor bootSessionFilterRegistrationOff() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof DelegatingFilterProxyRegistrationBean registration
						&& BOOT_REGISTRATION.equals(beanName)) {
					registration.setEnabled(false);
				}
				return bean;
			}

		};
	}

	@Bean
	FilterRegistrationBean<Filter> staffSessionFilterRegistration(SessionRepositoryFilter<?> sessions,
			SessionProperties properties) {
		SessionProperties.Servlet servlet = properties.getServlet();
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new SessionsOffCustomerPaths(sessions, CUSTOMER_PATHS));
		registration.setName("staffSessionRepositoryFilter");
		registration.setOrder(servlet.getFilterOrder());
		if (servlet.getFilterDispatcherTypes() != null) {
			EnumSet<DispatcherType> dispatcherTypes = EnumSet.noneOf(DispatcherType.class);
			servlet.getFilterDispatcherTypes()
				.forEach((type) -> dispatcherTypes.add(DispatcherType.valueOf(type.name())));
			registration.setDispatcherTypes(dispatcherTypes);
		}
		return registration;
	}

	/** Spring Session's filter, passed by on the customer paths. */
	static final class SessionsOffCustomerPaths implements Filter {

		private final Filter sessions;

		private final List<PathPattern> customerPaths;

		SessionsOffCustomerPaths(Filter sessions, List<String> customerPaths) {
			this.sessions = sessions;
			this.customerPaths = customerPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (request instanceof HttpServletRequest http && customerPath(http)) {
				chain.doFilter(request, response);
			}
			else {
				this.sessions.doFilter(request, response, chain);
			}
		}

		private boolean customerPath(HttpServletRequest request) {
			PathContainer path = PathContainer
				.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
			return this.customerPaths.stream().anyMatch((pattern) -> pattern.matches(path));
		}

	}

}
