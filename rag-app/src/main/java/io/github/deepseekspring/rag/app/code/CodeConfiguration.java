package io.github.deepseekspring.rag.app.code;

import java.time.Clock;

import io.github.deepseekspring.rag.app.security.InstallSecret;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The code assistant's daily token budget, counted in the database. */
@Configuration(proxyBeanMethods = false)
class CodeConfiguration {

	@Bean
	CodeTokenBudget codeTokenBudget(JdbcClient jdbc, CodeProperties properties, InstallSecret secret) {
		return new CodeTokenBudget(jdbc, properties.dailyTokenBudget(), secret, Clock.systemUTC());
	}

}
