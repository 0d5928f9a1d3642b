package io.github.deepseekspring.rag.app.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	@Bean
	ErasureService erasureService(JdbcClient jdbc) {
		return new ErasureService(jdbc);
	}

}
