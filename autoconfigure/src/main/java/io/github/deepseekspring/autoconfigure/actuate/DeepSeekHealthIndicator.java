package io.github.deepseekspring.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.deepseekspring.model.api.Balance;
import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.api.DeepSeekApiException;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the DeepSeek API, from its balance call. The answer is cached (health checks run often and the balance
 * changes slowly). A 402 or an exhausted balance is reported as a warning detail, not as down: the API answers, but
 * requests will fail until the account is topped up, and routing can fail over to a local runtime meanwhile.
 */
public class DeepSeekHealthIndicator extends AbstractHealthIndicator {

	private final DeepSeekApi api;

	private final Duration cacheFor;

	private final Clock clock;

	private volatile Cached cached;

	public DeepSeekHealthIndicator(DeepSeekApi api, Duration cacheFor, Clock clock) {
		super("DeepSeek API health check failed");
		this.api = api;
		this.cacheFor = cacheFor;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Cached current = this.cached;
		Instant now = this.clock.instant();
		if (current == null || current.at().plus(this.cacheFor).isBefore(now)) {
			current = new Cached(check(), now);
			this.cached = current;
		}
		builder.status(current.health().getStatus()).withDetails(current.health().getDetails());
		builder.withDetail("checkedAt", current.at().toString());
	}

	private Health check() {
		Health.Builder health = Health.up().withDetail("baseUrl", this.api.baseUrl().toString());
		try {
			Balance balance = this.api.balance().block(Duration.ofSeconds(10));
			if (balance == null) {
				return health.unknown().withDetail("error", "no balance answer").build();
			}
			health.withDetail("balanceAvailable", balance.available());
			if (balance.balanceInfos() != null) {
				balance.balanceInfos()
					.forEach((info) -> health.withDetail("balance." + info.currency(), info.totalBalance()));
			}
			if (!balance.available()) {
				health.withDetail("warning", "DeepSeek balance exhausted: requests will be answered 402");
			}
			return health.build();
		}
		catch (DeepSeekApiException ex) {
			if (ex.status() == 402) {
				return health.withDetail("warning", "DeepSeek balance exhausted (402): " + ex.getMessage()).build();
			}
			return Health.down()
				.withDetail("baseUrl", this.api.baseUrl().toString())
				.withDetail("status", ex.status())
				.withDetail("error", ex.getMessage())
				.build();
		}
		catch (RuntimeException ex) {
			return Health.down()
				.withDetail("baseUrl", this.api.baseUrl().toString())
				.withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage())
				.build();
		}
	}

	private record Cached(Health health, Instant at) {
	}

}
