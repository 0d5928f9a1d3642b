package io.github.deepseekspring.model.resilience;

import java.time.Duration;

import io.github.deepseekspring.model.api.DeepSeekTransportException;

/** A backend attempt ran past one of its {@link StreamTimeouts}. */
public class BackendTimeoutException extends DeepSeekTransportException {

	public BackendTimeoutException(String which, Duration limit) {
		super(which + " timeout after " + limit.toMillis() + " ms");
	}

}
