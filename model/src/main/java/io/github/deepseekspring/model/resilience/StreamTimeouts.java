package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits of one backend attempt.
 *
 * @param connect TCP/TLS connect
 * @param firstToken from sending the request to the first token; keep-alives do not count as tokens
 * @param idle longest silence between any two signs of life (chunks or keep-alives)
 * @param total the whole attempt
 */
public record StreamTimeouts(Duration connect, Duration firstToken, Duration idle, Duration total) {

	public StreamTimeouts {
		Objects.requireNonNull(connect, "connect");
		Objects.requireNonNull(firstToken, "firstToken");
		Objects.requireNonNull(idle, "idle");
		Objects.requireNonNull(total, "total");
	}

	/** Defaults suited to DeepSeek, which may queue a request for minutes while sending keep-alives. */
	public static StreamTimeouts defaults() {
		return new StreamTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(3), Duration.ofSeconds(60),
				Duration.ofMinutes(10));
	}

}
