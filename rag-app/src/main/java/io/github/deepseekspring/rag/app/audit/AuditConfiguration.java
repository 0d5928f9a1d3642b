package io.github.deepseekspring.rag.app.audit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit log, its observation handler and its scheduled purge. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditConfiguration {

	@Bean
	AuditLog auditLog(JdbcClient jdbc) {
		return new AuditLog(jdbc);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "deepseek.rag.audit.enabled", matchIfMissing = true)
	AuditObservationHandler auditObservationHandler(AuditLog log, ObjectProvider<Clock> clock) {
		return new AuditObservationHandler(log, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	AuditPurge auditPurge(AuditLog log, AuditProperties properties, ObjectProvider<Clock> clock) {
		return new AuditPurge(log, properties, clock.getIfAvailable(Clock::systemUTC));
	}

}
