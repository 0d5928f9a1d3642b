package io.github.deepseekspring.rag.app.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The agents of {@link AgentProperties} as users with the role {@code AGENT}, checked the way the admin password is:
 * a setting that would make a weak or ambiguous account stops the start, naming the property.
 */
final class AgentAccounts {

	/** The role of support agents; administrators have it implicitly (see {@link SecurityConfiguration}). */
	static final String ROLE = "AGENT";

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private static final int MAX_DISPLAY_NAME = 100;

	private AgentAccounts() {
	}

	/** @throws SecuritySettingException naming the first agent property that is not acceptable */
	static List<UserDetails> users(AgentProperties properties, PasswordEncoder encoder) {
		List<UserDetails> users = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < properties.agents().size(); i++) {
			AgentProperties.Agent agent = properties.agents().get(i);
			String prefix = "deepseek.rag.agents[" + i + "].";
			String username = agent.username();
			if (username == null || !USERNAME.matcher(username).matches()) {
				throw new SecuritySettingException(prefix + "username", "is missing or not a valid user name",
						"Set " + prefix + "username to 1 to 64 letters, digits, '.', '_', '-' or '@'.");
			}
			if ("admin".equalsIgnoreCase(username) || !seen.add(username.toLowerCase(java.util.Locale.ROOT))) {
				throw new SecuritySettingException(prefix + "username", "names '" + username
						+ "', which is the admin or another agent", "Give every agent a user name of its own.");
			}
			String password = agent.password();
			if (password == null || password.length() < AdminProperties.MIN_PASSWORD_LENGTH) {
				throw new SecuritySettingException(prefix + "password",
						"is " + ((password == null) ? "not set" : password.length() + " characters long")
								+ "; at least " + AdminProperties.MIN_PASSWORD_LENGTH + " characters are required",
						"Set " + prefix + "password to a password of at least " + AdminProperties.MIN_PASSWORD_LENGTH
								+ " characters, from a secret store (environment variable DEEPSEEK_RAG_AGENTS_" + i
								+ "_PASSWORD), never committed.");
			}
			if (agent.displayName().length() > MAX_DISPLAY_NAME) {
				throw new SecuritySettingException(prefix + "display-name",
						"is longer than " + MAX_DISPLAY_NAME + " characters", "Shorten " + prefix + "display-name.");
			}
			users.add(User.withUsername(username).password(encoder.encode(password)).roles(ROLE).build());
		}
		return users;
	}

}
