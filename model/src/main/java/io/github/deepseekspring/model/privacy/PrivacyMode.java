package io.github.deepseekspring.model.privacy;

/** What happens to personal data in prompts. */
public enum PrivacyMode {

	/** Nothing: prompts go to every backend as written. */
	OFF,

	/**
	 * Personal data in the text of system, user, assistant and tool messages is masked before the request leaves for
	 * the remote API; the local runtime, which runs on the operator's own machines, sees the original text.
	 */
	MASK,

	/**
	 * A request whose messages contain personal data is marked sensitive, so it is answered by the local runtime
	 * only (or fails when there is none); requests without personal data are routed as usual.
	 */
	LOCAL_ONLY

}
