package io.github.deepseekspring.model.api;

import java.time.Duration;

/** A request ran past a time limit (connect, first token, idle gap or total). */
public class DeepSeekTimeoutException extends DeepSeekTransportException {

	public DeepSeekTimeoutException(String which, Duration limit) {
		super(which + " timeout after " + limit.toMillis() + " ms");
	}

}
