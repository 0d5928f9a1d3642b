package io.github.deepseekspring.rag.app.security;

/**
 * A security setting that stops the application from starting (a short admin password, a secret replicas would not
 * share); {@link SecuritySettingFailureAnalyzer} names the property and what to set it to.
 */
public class SecuritySettingException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * @param property the property to set, e.g. {@code deepseek.rag.admin.password}
	 * @param problem what is wrong with it, completing "The setting {property} ..."
	 * @param action what to do
	 */
	public SecuritySettingException(String property, String problem, String action) {
		super("The setting " + property + " " + problem);
		this.property = property;
		this.action = action;
	}

	public String property() {
		return this.property;
	}

	public String action() {
		return this.action;
	}

}
