package io.github.deepseekspring.rag.app.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Agent accounts from configuration: role AGENT, checked like the admin's, passwords never printed. */
class AgentAccountsTests {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Test
	void agentsBecomeUsersWithTheAgentRole() {
		List<UserDetails> users = AgentAccounts.users(new AgentProperties(
				List.of(new AgentProperties.Agent("li.na", "a-long-enough-password", "Li Na"))), this.encoder);
		assertThat(users).singleElement().satisfies((user) -> {
			assertThat(user.getUsername()).isEqualTo("li.na");
			assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AGENT");
			assertThat(this.encoder.matches("a-long-enough-password", user.getPassword())).isTrue();
		});
	}

	@Test
	void aWeakOrAmbiguousAccountStopsTheStartNamingTheProperty() {
		assertRefused(new AgentProperties.Agent("li.na", "short-pw", null), "deepseek.rag.agents[0].password");
		assertRefused(new AgentProperties.Agent("li.na", null, null), "deepseek.rag.agents[0].password");
		assertRefused(new AgentProperties.Agent("admin", "a-long-enough-password", null),
				"deepseek.rag.agents[0].username");
		assertRefused(new AgentProperties.Agent("li na<script>", "a-long-enough-password", null),
				"deepseek.rag.agents[0].username");
		assertRefused(new AgentProperties.Agent("li.na", "a-long-enough-password", "x".repeat(101)),
				"deepseek.rag.agents[0].display-name");
		assertThatExceptionOfType(SecuritySettingException.class)
			.isThrownBy(() -> AgentAccounts.users(new AgentProperties(List.of(
					new AgentProperties.Agent("li.na", "a-long-enough-password", null),
					new AgentProperties.Agent("LI.NA", "another-long-password", null))), this.encoder))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("deepseek.rag.agents[1].username"));
	}

	@Test
	void theStartFailsWithAnExplanationNamingTheProperty() {
		BeanCreationException start = new BeanCreationException("users", "start failed", new SecuritySettingException(
				"deepseek.rag.agents[0].password", "is 8 characters long", "Set deepseek.rag.agents[0].password"));
		FailureAnalysis analysis = new SecuritySettingFailureAnalyzer().analyze(start);
		assertThat(analysis.getDescription()).contains("deepseek.rag.agents[0].password");
		assertThat(analysis.getAction()).contains("deepseek.rag.agents[0].password");
	}

	@Test
	void passwordsAreNeverPrinted() {
		AgentProperties.Agent agent = new AgentProperties.Agent("li.na", "secret-agent-password", null);
		assertThat(agent.toString()).doesNotContain("secret-agent-password").contains("******");
		assertThat(agent.displayName()).isEqualTo("li.na");
		assertThat(new AgentProperties(List.of(agent)).toString()).doesNotContain("secret-agent-password");
		assertThatExceptionOfType(SecuritySettingException.class)
			.isThrownBy(() -> AgentAccounts.users(
					new AgentProperties(List.of(new AgentProperties.Agent("li.na", "eleven-char", null))), this.encoder))
			.satisfies((ex) -> assertThat(ex.getMessage() + ex.action()).doesNotContain("eleven-char"));
	}

	private void assertRefused(AgentProperties.Agent agent, String property) {
		assertThatExceptionOfType(SecuritySettingException.class)
			.isThrownBy(() -> AgentAccounts.users(new AgentProperties(List.of(agent)), this.encoder))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo(property));
	}

}
