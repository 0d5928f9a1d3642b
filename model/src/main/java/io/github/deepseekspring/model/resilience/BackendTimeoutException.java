package io.github.deepseekspring.model.resilience;

import java.time.Duration;

import io.github.deepseekspring.model.api.DeepSeekTimeoutException;

/** A backend attempt ran past one of its {@link StreamTimeouts}. */
public class BackendTimeoutException extends DeepSeekTimeoutException {

	public BackendTimeoutException(String which, Duration limit) {
		super(which, limit);
	}

}
