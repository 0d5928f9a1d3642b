package io.github.deepseekspring.rag.app.dashboard;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

	@Bean
	AnalyticsQueries analyticsQueries(JdbcClient jdbc) {
		return new AnalyticsQueries(jdbc, Clock.systemUTC());
	}

}
