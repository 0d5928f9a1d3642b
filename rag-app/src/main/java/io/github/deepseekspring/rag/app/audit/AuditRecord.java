package io.github.deepseekspring.rag.app.audit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One model call as the audit log keeps it: who, when, which backend and model, what it cost and how it ended, with
 * the input and output only as SHA-256 digests, and the images it carried (customers' photos) as theirs
 * ({@code imageSha256}: comma-separated, null for none).
 */
public record AuditRecord(Instant occurredAt, String requestId, String callerId, String conversationId,
		String operation, String backend, String model, Integer promptTokens, Integer completionTokens,
		Long cacheHitTokens, BigDecimal costCny, String inputSha256, String outputSha256, String outcome,
		long durationMs, String imageSha256) {

	public AuditRecord(Instant occurredAt, String requestId, String callerId, String conversationId, String operation,
			String backend, String model, Integer promptTokens, Integer completionTokens, Long cacheHitTokens,
			BigDecimal costCny, String inputSha256, String outputSha256, String outcome, long durationMs) {
		this(occurredAt, requestId, callerId, conversationId, operation, backend, model, promptTokens,
				completionTokens, cacheHitTokens, costCny, inputSha256, outputSha256, outcome, durationMs, null);
	}

}
