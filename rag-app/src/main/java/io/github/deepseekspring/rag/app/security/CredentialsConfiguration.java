package io.github.deepseekspring.rag.app.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.util.StringUtils;

/**
 * The credentials the application knows: the admin account, the support agents' accounts, the API keys, the install secret, and the throttle on
 * guessing passwords.
 */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

	private static final String SECRET_PROPERTY = "deepseek.rag.security.secret";

	@Bean
	InstallSecret installSecret(InstallSecretProperties properties, Environment environment) {
		String configured = properties.secret();
		if (StringUtils.hasLength(configured)) {
			if (configured.length() < InstallSecretProperties.MIN_LENGTH) {
				throw new SecuritySettingException(SECRET_PROPERTY,
						"is " + configured.length() + " characters long; at least " + InstallSecretProperties.MIN_LENGTH
								+ " characters are required",
						"Set " + SECRET_PROPERTY + " (environment variable DEEPSEEK_RAG_SECURITY_SECRET) to at least "
								+ InstallSecretProperties.MIN_LENGTH + " random characters, e.g. the output of "
								+ "'openssl rand -base64 32'.");
			}
			return InstallSecret.of(configured);
		}
		if (ProductionProfiles.kubernetes(environment)) {
			throw new SecuritySettingException(SECRET_PROPERTY,
					"is not set on Kubernetes, where replicas do not share a data directory to keep a generated one in",
					"Set " + SECRET_PROPERTY + " (environment variable DEEPSEEK_RAG_SECURITY_SECRET) in the Secret "
							+ "deepseek-rag-secrets to the same random value of at least "
							+ InstallSecretProperties.MIN_LENGTH + " characters for every replica.");
		}
		Path dataDir = Binder.get(environment).bind("deepseek.rag.data-dir", Path.class).orElse(Path.of("data"));
		return InstallSecret.generatedIn(dataDir);
	}

	@Bean
	ApiKeys apiKeys(ApiKeyProperties properties, InstallSecret secret) {
		return new ApiKeys(properties.apiKeys(), secret);
	}

	@Bean
	UserDetailsService users(AdminProperties admin, AgentProperties agents, PasswordEncoder encoder,
			Environment environment) {
		String password = AdminPassword.resolve(admin, environment, System.out);
		List<UserDetails> users = new ArrayList<>(AgentAccounts.users(agents, encoder));
		users.add(User.withUsername("admin").password(encoder.encode(password)).roles("ADMIN").build());
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	LoginThrottle loginThrottle(AdminProperties admin) {
		return new LoginThrottle(admin.login(), System::nanoTime);
	}

	@Bean
	LoginAttempts loginAttempts(LoginThrottle throttle, InstallSecret secret) {
		return new LoginAttempts(throttle, secret);
	}

}
