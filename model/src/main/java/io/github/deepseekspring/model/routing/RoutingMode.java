package io.github.deepseekspring.model.routing;

/** How requests without a backend hint choose a backend ({@code deepseek.routing.mode}). */
public enum RoutingMode {

	/** Only the DeepSeek API. */
	REMOTE,
	/** Only the local runtime. */
	LOCAL,
	/** The DeepSeek API, failing over to the local runtime before the first token. */
	REMOTE_FIRST,
	/** The local runtime, failing over to the DeepSeek API before the first token. */
	LOCAL_FIRST,
	/**
	 * The local runtime first during DeepSeek's peak-price hours (Beijing time) while it is up and has capacity;
	 * otherwise the DeepSeek API first. The other backend is the failover either way.
	 */
	COST_AWARE;

	/** Parses {@code remote}, {@code remote-first}, {@code cost_aware} and the like. */
	public static RoutingMode parse(String value) {
		return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
	}

}
