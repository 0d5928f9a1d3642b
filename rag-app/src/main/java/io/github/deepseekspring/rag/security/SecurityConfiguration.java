package io.github.deepseekspring.rag.security;

import java.util.UUID;

import io.github.deepseekspring.rag.RagProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: the knowledge base API and the actuator (but its health) need the admin role, over HTTP Basic
 * for API clients. The admin password comes from {@code deepseek.rag.admin.password}, or is generated and logged once.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/kb/**")
			.hasRole("ADMIN")
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, failure) -> {
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				response.setHeader("WWW-Authenticate", "Basic realm=\"deepseek-rag\"");
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
							+ "\"detail\":\"Administrator credentials are required\"}");
			}))
			// The API is called with HTTP Basic by API clients, not from forms: no session cookie to forge.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/v1/**"));
		return http.build();
	}

	@Bean
	UserDetailsService users(RagProperties properties, PasswordEncoder encoder) {
		String password = properties.admin().password();
		if (password == null || password.isBlank()) {
			password = UUID.randomUUID().toString();
			logger.warn("No deepseek.rag.admin.password set; generated admin password for this run: {}", password);
		}
		return new InMemoryUserDetailsManager(
				User.withUsername("admin").password(encoder.encode(password)).roles("ADMIN").build());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
