package io.github.deepseekspring.rag.app.logging;

import io.github.deepseekspring.rag.app.chat.ChatOwner;
import io.github.deepseekspring.rag.app.security.ApiKeys;
import io.github.deepseekspring.rag.app.security.InstallSecret;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request ids and callers in the logging context of every request, before anything else logs. */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

	@Bean
	FilterRegistrationBean<RequestMdc> requestMdcFilter(ChatOwner owners, ApiKeys keys, InstallSecret secret) {
		FilterRegistrationBean<RequestMdc> registration = new FilterRegistrationBean<>(
				new RequestMdc(owners, keys, secret));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

}
