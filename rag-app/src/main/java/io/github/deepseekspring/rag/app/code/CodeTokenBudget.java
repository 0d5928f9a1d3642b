package io.github.deepseekspring.rag.app.code;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.github.deepseekspring.rag.app.limits.ClientIds;
import io.github.deepseekspring.rag.app.security.InstallSecret;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily token budget of each client of the code assistant ({@code deepseek.rag.code.daily-token-budget}), counted
 * in the database so that all replicas share one count. A request is refused (429) once the day's tokens reach the
 * budget; the request under way when the budget runs out finishes, so a client may overshoot by at most the calls it
 * has in flight. When the backend reports no usage, tokens are estimated at one per two characters.
 */
class CodeTokenBudget {

	private final JdbcClient jdbc;

	private final long budget;

	private final InstallSecret secret;

	private final Clock clock;

	private final AtomicReference<LocalDate> purged = new AtomicReference<>();

	CodeTokenBudget(JdbcClient jdbc, long budget, InstallSecret secret, Clock clock) {
		this.jdbc = jdbc;
		this.budget = budget;
		this.secret = secret;
		this.clock = clock;
	}

	/** The request's client as the budget counts it (an address only as its keyed hash). */
	String client(HttpServletRequest request) {
		return this.secret.pseudonym(ClientIds.of(request));
	}

	/** Refuses the client's request when its tokens of today have reached the budget. */
	void check(String client) {
		LocalDate today = today();
		long used = this.jdbc.sql("select tokens from code_token_usage where client_id = ? and usage_day = ?")
			.params(client, today)
			.query(Long.class)
			.optional()
			.orElse(0L);
		if (used >= this.budget) {
			Duration untilMidnight = Duration.between(this.clock.instant(),
					today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
			throw CodeProblems.budgetSpent(this.budget, used, untilMidnight);
		}
	}

	/** Adds tokens to the client's count of today. */
	void charge(String client, long tokens) {
		if (tokens <= 0) {
			return;
		}
		LocalDate today = today();
		purgeBefore(today);
		if (add(client, today, tokens) == 0) {
			try {
				this.jdbc.sql("insert into code_token_usage (client_id, usage_day, tokens) values (?, ?, ?)")
					.params(client, today, tokens)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// Another request of the client inserted the row first.
				add(client, today, tokens);
			}
		}
	}

	/** The tokens of a call whose usage the backend did not report, from the characters in and out. */
	static long estimate(long characters) {
		return (characters + 1) / 2;
	}

	private int add(String client, LocalDate day, long tokens) {
		return this.jdbc.sql("update code_token_usage set tokens = tokens + ? where client_id = ? and usage_day = ?")
			.params(tokens, client, day)
			.update();
	}

	private void purgeBefore(LocalDate today) {
		LocalDate last = this.purged.get();
		if (!today.equals(last) && this.purged.compareAndSet(last, today)) {
			this.jdbc.sql("delete from code_token_usage where usage_day < ?").param(today).update();
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
