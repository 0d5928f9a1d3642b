package io.github.deepseekspring.rag.app.audit;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;

/** Deletes audit rows older than {@code deepseek.rag.audit.retention}, on {@code deepseek.rag.audit.purge-cron}. */
public class AuditPurge {

	private static final Log logger = LogFactory.getLog(AuditPurge.class);

	private final AuditLog log;

	private final AuditProperties properties;

	private final Clock clock;

	AuditPurge(AuditLog log, AuditProperties properties, Clock clock) {
		this.log = log;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${deepseek.rag.audit.purge-cron:0 30 3 * * *}")
	public int purge() {
		int purged = this.log.purgeBefore(this.clock.instant().minus(this.properties.retention()));
		logger.info("Audit log purge: " + purged + " rows older than " + this.properties.retention().toDays()
				+ " days deleted");
		return purged;
	}

}
