package io.github.deepseekspring.rag.app.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit log of model calls.
 *
 * @param enabled whether every model call appends a row (default true)
 * @param retention how long rows are kept (default 180 days)
 * @param purgeCron when rows older than the retention are deleted (default daily at 03:30)
 */
@ConfigurationProperties("deepseek.rag.audit")
public record AuditProperties(Boolean enabled, Duration retention, String purgeCron) {

	public AuditProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		retention = (retention != null && !retention.isNegative() && !retention.isZero()) ? retention
				: Duration.ofDays(180);
		purgeCron = (purgeCron != null && !purgeCron.isBlank()) ? purgeCron : "0 30 3 * * *";
	}

}
