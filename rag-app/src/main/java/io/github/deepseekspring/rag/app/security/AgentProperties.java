package io.github.deepseekspring.rag.app.security;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The support agents who may sign in and answer customers in the agent inbox (role {@code AGENT}), configured like
 * the admin account: {@code deepseek.rag.agents[0].username=li.na}, {@code deepseek.rag.agents[0].password=...}. They
 * live in configuration rather than in the database so that every replica knows the same agents without an extra
 * table, and so that a password is set where the admin's is (an environment variable or a Kubernetes Secret).
 *
 * @param agents the agents; none by default (the admin can always use the inbox)
 */
@ConfigurationProperties("deepseek.rag")
public record AgentProperties(List<Agent> agents) {

	public AgentProperties {
		agents = (agents != null) ? List.copyOf(agents) : List.of();
	}

	/** The agent with this user name. */
	public Optional<Agent> find(String username) {
		return this.agents.stream().filter((agent) -> agent.username().equals(username)).findFirst();
	}

	/** The name customers see for a staff user: the agent's display name, or the user name itself. */
	public String displayName(String username) {
		return find(username).map(Agent::displayName).orElse(username);
	}

	/**
	 * One agent account.
	 *
	 * @param username user name to sign in with (letters, digits, {@code . _ - @}, at most 64; not {@code admin})
	 * @param password password, at least 12 characters, as for the admin; never printed
	 * @param displayName the name customers see when this agent joins a conversation (default: the user name)
	 */
	public record Agent(String username, String password, String displayName) {

		public Agent {
			displayName = StringUtils.hasText(displayName) ? displayName.strip() : username;
		}

		@Override
		public String toString() {
			return "Agent[username=" + this.username + ", password=" + Secrets.redacted(this.password)
					+ ", displayName=" + this.displayName + "]";
		}

	}

}
