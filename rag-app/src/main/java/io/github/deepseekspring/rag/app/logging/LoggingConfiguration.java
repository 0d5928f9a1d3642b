package io.github.deepseekspring.rag.app.logging;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request ids and callers in the logging context of every request, before anything else logs. */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

	@Bean
	FilterRegistrationBean<RequestMdc> requestMdcFilter() {
		FilterRegistrationBean<RequestMdc> registration = new FilterRegistrationBean<>(new RequestMdc());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

}
