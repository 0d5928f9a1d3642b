package io.github.deepseekspring.rag.app.audit;

import java.io.IOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit table: append, export as CSV, purge. The application never updates a row. */
public class AuditLog {

	static final String CSV_HEADER = "occurred_at,request_id,caller_id,conversation_id,operation,backend,model,"
			+ "prompt_tokens,completion_tokens,cache_hit_tokens,cost_cny,input_sha256,output_sha256,outcome,duration_ms,"
			+ "image_sha256";

	private final JdbcClient jdbc;

	public AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void append(AuditRecord r) {
		this.jdbc.sql("""
				insert into audit_log (occurred_at, request_id, caller_id, conversation_id, operation, backend, model,
				  prompt_tokens, completion_tokens, cache_hit_tokens, cost_cny, input_sha256, output_sha256, outcome,
				  duration_ms, image_sha256)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC), r.requestId(), r.callerId(),
					r.conversationId(), r.operation(), r.backend(), r.model(), r.promptTokens(), r.completionTokens(),
					r.cacheHitTokens(), r.costCny(), r.inputSha256(), r.outputSha256(), r.outcome(), r.durationMs(),
					r.imageSha256())
			.update();
	}

	/** Deletes rows that occurred before {@code cutoff}; returns how many. */
	public int purgeBefore(Instant cutoff) {
		return this.jdbc.sql("delete from audit_log where occurred_at < ?")
			.param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.update();
	}

	/** Writes the rows in {@code [from, to)} as CSV (RFC 4180), oldest first. */
	public void exportCsv(Instant from, Instant to, Writer out) throws IOException {
		out.write(CSV_HEADER);
		out.write("\r\n");
		try {
			this.jdbc.sql("""
					select * from audit_log where occurred_at >= ? and occurred_at < ? order by occurred_at, id""")
				.params(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
				.query((rs) -> {
					try {
						Timestamp at = rs.getTimestamp("occurred_at");
						out.write(String.join(",", at.toInstant().toString(), csv(rs.getString("request_id")),
								csv(rs.getString("caller_id")), csv(rs.getString("conversation_id")),
								csv(rs.getString("operation")), csv(rs.getString("backend")),
								csv(rs.getString("model")), csv(rs.getString("prompt_tokens")),
								csv(rs.getString("completion_tokens")), csv(rs.getString("cache_hit_tokens")),
								csv(rs.getBigDecimal("cost_cny") == null ? null
										: rs.getBigDecimal("cost_cny").stripTrailingZeros().toPlainString()),
								csv(rs.getString("input_sha256")), csv(rs.getString("output_sha256")),
								csv(rs.getString("outcome")), csv(rs.getString("duration_ms")),
								csv(rs.getString("image_sha256"))));
						out.write("\r\n");
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/** One CSV field: quoted when needed, and never starting with a formula character (CSV injection). */
	static String csv(String value) {
		if (value == null) {
			return "";
		}
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
				|| v.startsWith("'")) {
			return '"' + v.replace("\"", "\"\"") + '"';
		}
		return v;
	}

}
