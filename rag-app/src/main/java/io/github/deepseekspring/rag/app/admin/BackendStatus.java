package io.github.deepseekspring.rag.app.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.deepseekspring.autoconfigure.actuate.DeepSeekHealthIndicator;
import io.github.deepseekspring.autoconfigure.actuate.LocalRuntimeHealthIndicator;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.github.deepseekspring.model.routing.BackendKind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The model backends as the starter sees them (each part only when its bean exists), and today's model usage from
 * the stored answers (today in the server's time zone).
 */
public class BackendStatus {

	private final ObjectProvider<DeepSeekChatModel> model;

	private final ObjectProvider<CircuitBreakers> circuits;

	private final ObjectProvider<DeepSeekHealthIndicator> remoteHealth;

	private final ObjectProvider<LocalRuntimeHealthIndicator> local;

	private final JdbcClient jdbc;

	public BackendStatus(ObjectProvider<DeepSeekChatModel> model, ObjectProvider<CircuitBreakers> circuits,
			ObjectProvider<DeepSeekHealthIndicator> remoteHealth, ObjectProvider<LocalRuntimeHealthIndicator> local,
			JdbcClient jdbc) {
		this.model = model;
		this.circuits = circuits;
		this.remoteHealth = remoteHealth;
		this.local = local;
		this.jdbc = jdbc;
	}

	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("remote", remote());
		status.put("local", local());
		status.put("today", today());
		return status;
	}

	private Map<String, Object> remote() {
		DeepSeekChatModel chatModel = this.model.getIfAvailable();
		boolean configured = chatModel != null && chatModel.remoteApi().isPresent();
		Map<String, Object> remote = new LinkedHashMap<>();
		remote.put("configured", configured);
		DeepSeekHealthIndicator health = this.remoteHealth.getIfAvailable();
		Health report = (configured && health != null) ? health.health(false) : null;
		remote.put("up", report != null && Status.UP.equals(report.getStatus()));
		if (report != null && report.getDetails().get("balance.CNY") != null) {
			remote.put("balanceCny", report.getDetails().get("balance.CNY"));
		}
		CircuitBreakers breakers = this.circuits.getIfAvailable();
		remote.put("circuit", (configured && breakers != null) ? breakers.of(BackendKind.REMOTE).getState().name() : null);
		return remote;
	}

	/** The local runtime as its health indicator reports it: the starter's public view of the pool. */
	private Map<String, Object> local() {
		LocalRuntimeHealthIndicator health = this.local.getIfAvailable();
		Map<String, Object> local = new LinkedHashMap<>();
		local.put("configured", health != null);
		Health report = (health != null) ? health.health(true) : null;
		local.put("up", report != null && Status.UP.equals(report.getStatus()));
		List<Map<?, ?>> endpoints = endpoints(report);
		local.put("models", endpoints.stream()
			.flatMap((endpoint) -> (endpoint.get("models") instanceof List<?> models) ? models.stream() : Stream.empty())
			.distinct()
			.toList());
		long vram = endpoints.stream()
			.mapToLong((endpoint) -> (endpoint.get("vramBytes") instanceof Number bytes) ? bytes.longValue() : 0)
			.sum();
		if (vram > 0) {
			local.put("vram", vram);
		}
		if (report != null && report.getDetails().get("endpoints") instanceof Map<?, ?> byUrl) {
			List<Map<String, Object>> each = new java.util.ArrayList<>();
			byUrl.forEach((url, details) -> {
				if (details instanceof Map<?, ?> endpoint) {
					Map<String, Object> view = new LinkedHashMap<>();
					view.put("url", String.valueOf(url));
					view.put("up", "UP".equals(endpoint.get("status")));
					view.put("loaded", (endpoint.get("loaded") instanceof List<?> loaded) ? loaded.size() : 0);
					view.put("vramBytes", (endpoint.get("vramBytes") instanceof Number bytes) ? bytes.longValue() : 0L);
					each.add(view);
				}
			});
			local.put("endpoints", each);
		}
		return local;
	}

	private static List<Map<?, ?>> endpoints(Health report) {
		if (report == null || !(report.getDetails().get("endpoints") instanceof Map<?, ?> endpoints)) {
			return List.of();
		}
		return endpoints.values().stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
	}

	private Map<String, Object> today() {
		OffsetDateTime midnight = LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
		return this.jdbc.sql("""
				select count(*), coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0),
				  coalesce(sum(cost_cny), 0)
				from message where role = 'assistant' and prompt_tokens is not null and created_at >= ?""")
			.param(midnight)
			.query((rs, row) -> {
				Map<String, Object> today = new LinkedHashMap<>();
				today.put("calls", rs.getLong(1));
				today.put("promptTokens", rs.getLong(2));
				today.put("completionTokens", rs.getLong(3));
				BigDecimal cost = rs.getBigDecimal(4);
				today.put("costCny", (cost != null) ? cost.stripTrailingZeros() : BigDecimal.ZERO);
				return today;
			})
			.single();
	}

}
