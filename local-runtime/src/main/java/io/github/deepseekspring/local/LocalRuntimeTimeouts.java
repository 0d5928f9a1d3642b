package io.github.deepseekspring.local;

import java.time.Duration;
import java.util.Objects;

/**
 * The client's time limits, each separate so an error can say which one expired.
 * @param connect opening a connection
 * @param firstToken from sending a streamed request to its first chunk (a cold model load counts here)
 * @param idle longest gap between two chunks of a stream
 * @param request a whole non-streamed answer (and admin calls)
 */
public record LocalRuntimeTimeouts(Duration connect, Duration firstToken, Duration idle, Duration request) {

	public LocalRuntimeTimeouts {
		Objects.requireNonNull(connect, "connect");
		Objects.requireNonNull(firstToken, "firstToken");
		Objects.requireNonNull(idle, "idle");
		Objects.requireNonNull(request, "request");
	}

	/** Generous defaults for GPU boxes that may need to load a model first. */
	public static LocalRuntimeTimeouts defaults() {
		return new LocalRuntimeTimeouts(Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(60),
				Duration.ofMinutes(10));
	}

}
