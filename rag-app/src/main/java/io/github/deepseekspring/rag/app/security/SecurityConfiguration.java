package io.github.deepseekspring.rag.app.security;

import java.util.UUID;

import io.github.deepseekspring.rag.app.RagProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Two chains:
 * <ul>
 * <li>the API ({@code /api/**}, {@code /v1/**}, {@code /actuator/**}): HTTP Basic for API clients, or the session of
 * an administrator signed in through the form (the admin pages call {@code /api/admin/**} and {@code /api/kb/**}); it
 * answers 401/403 as problem details, never with a login page;</li>
 * <li>the pages: the customer chat at {@code /} is public, {@code /admin/**} needs a form login.</li>
 * </ul>
 * CSRF protection covers every form and every cookie-authenticated API call, except the customer chat
 * ({@code /api/chat/**}: no privileges behind it), {@code /api/code/**}, {@code /v1/**} and calls carrying HTTP Basic
 * credentials (no ambient cookie to forge). Everything not named is for the administrator only.
 *
 * <p>The admin password comes from {@code deepseek.rag.admin.password}, or is generated and logged once.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	/** Same-origin everything, no inline script or style, no framing, no plugins. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	private static final RequestMatcher BASIC_CREDENTIALS = (request) -> {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	};

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/v1/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/api/chat/**", "/api/code/**")
				.permitAll()
				// Bearer keys of deepseek.rag.api-keys, checked by the OpenAI facade's own filter.
				.requestMatchers("/v1/**")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(
					(request, response, failure) -> problem(response, 401, "Administrator credentials are required")))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(
						(request, response, failure) -> problem(response, 401, "Administrator credentials are required"))
				.accessDeniedHandler((request, response, denied) -> problem(response, 403,
						"Not allowed (missing administrator role or CSRF token)")))
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/chat/**", "/api/code/**", "/v1/**")
				.ignoringRequestMatchers(BASIC_CREDENTIALS))
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/code", "/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico")
			.permitAll()
			.anyRequest()
			.hasRole("ADMIN"))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/admin").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.csrf(Customizer.withDefaults())
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		// X-Content-Type-Options: nosniff and HSTS (only on HTTPS requests) are Spring Security's defaults.
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	private static void problem(HttpServletResponse response, int status, String detail) throws java.io.IOException {
		response.setStatus(status);
		if (status == 401) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"deepseek-rag\"");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String title = (status == 401) ? "Unauthorized" : "Forbidden";
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
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
