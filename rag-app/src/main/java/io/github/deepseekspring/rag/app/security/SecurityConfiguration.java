package io.github.deepseekspring.rag.app.security;

import java.io.IOException;

import io.github.deepseekspring.rag.app.widget.WidgetOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Two chains:
 * <ul>
 * <li>the API ({@code /api/**}, {@code /v1/**}, {@code /actuator/**}): HTTP Basic or the form-login session of an
 * administrator, or an API key ({@code Authorization: Bearer}); it answers 401/403/429 as problem details, never with
 * a login page. The customer chat is public, {@code /v1/**} checks its keys in the facade's own filter, the code
 * assistant needs a signed-in user or a key (unless {@code deepseek.rag.code.public=true}), everything else the
 * administrator;</li>
 * <li>the chat widget's iframe page ({@code /widget}), its script and its settings: public, and the only page that
 * sites may frame, those of {@code deepseek.rag.widget.allowed-origins} (CSP {@code frame-ancestors}, no
 * {@code X-Frame-Options});</li>
 * <li>the pages: the customer chat at {@code /} is public, {@code /code} needs a signed-in user (unless public), the
 * agent inbox ({@code /admin/inbox}, {@code /api/agent/**}) an agent or the administrator, and the rest of
 * {@code /admin/**} the administrator, through the login form.</li>
 * </ul>
 * CSRF protection covers every form and every cookie-authenticated API call, except the customer chat
 * ({@code /api/chat/**}: no privileges behind it), {@code /v1/**}, calls carrying credentials in a header (no ambient
 * cookie to forge) and code assistant calls without a session cookie. In both chains a multipart request of a caller
 * not signed in is refused before its body is read, and a locked-out sign-in attempt before its password is checked.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Same-origin everything, no inline script or style, no plugins; framing as the page allows. */
	private static final String SAME_ORIGIN_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; ";

	/** The policy of every page but the widget's: no framing at all. */
	static final String CONTENT_SECURITY_POLICY = SAME_ORIGIN_POLICY + "frame-ancestors 'none'";

	private static final String[] STAFF = { AgentAccounts.ROLE, "ADMIN" };

	private static final String CODE_PATHS = "/api/code/**";

	private static final RequestMatcher BASIC_CREDENTIALS = (request) -> authorization(request, "Basic ");

	private static final RequestMatcher BEARER_CREDENTIALS = (request) -> authorization(request, "Bearer ");

	private static final RequestMatcher CODE_WITHOUT_SESSION = (request) -> request.getRequestedSessionId() == null
			&& request.getRequestURI().startsWith(request.getContextPath() + "/api/code");

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeys keys, LoginThrottle throttle,
			CodeAccessProperties code) throws Exception {
		AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorized;
		http.securityMatcher("/api/**", "/v1/**", "/actuator/**").authorizeHttpRequests((requests) -> {
			requests.requestMatchers("/actuator/health", "/actuator/health/**", "/api/chat/**").permitAll();
			// Bearer keys of deepseek.rag.api-keys, checked by the OpenAI facade's own filter.
			requests.requestMatchers("/v1/**").permitAll();
			if (code.open()) {
				requests.requestMatchers(CODE_PATHS).permitAll();
			}
			else {
				requests.requestMatchers(CODE_PATHS).authenticated();
			}
			requests.requestMatchers("/api/agent/**").hasAnyRole(STAFF);
			requests.anyRequest().hasRole("ADMIN");
		})
			.httpBasic((basic) -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((request, response, denied) -> SecurityProblems.write(response,
						HttpStatus.FORBIDDEN, "Not allowed (missing role or CSRF token)")))
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/chat/**", "/v1/**")
				.ignoringRequestMatchers(BASIC_CREDENTIALS, BEARER_CREDENTIALS, CODE_WITHOUT_SESSION))
			.addFilterBefore(new AnonymousUploadFilter(unauthorized), CsrfFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle, true), BasicAuthenticationFilter.class)
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys), BasicAuthenticationFilter.class)
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	/**
	 * The widget: public, no session (no CSRF token to keep), and framed only by the allowed sites. Every other page
	 * keeps {@code X-Frame-Options: DENY} and {@code frame-ancestors 'none'}.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain widgetSecurityFilterChain(HttpSecurity http, WidgetOrigins origins) throws Exception {
		http.securityMatcher("/widget", "/widget/**", "/widget.js")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers((headers) -> headers
				.contentSecurityPolicy(
						(csp) -> csp.policyDirectives(SAME_ORIGIN_POLICY + "frame-ancestors " + origins.frameAncestors()))
				.frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, LoginThrottle throttle, CodeAccessProperties code)
			throws Exception {
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico")
				.permitAll();
			if (code.open()) {
				requests.requestMatchers("/code").permitAll();
			}
			else {
				requests.requestMatchers("/code").authenticated();
			}
			requests.requestMatchers("/admin", "/admin/inbox").hasAnyRole(STAFF);
			requests.anyRequest().hasRole("ADMIN");
		})
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/admin").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.csrf(Customizer.withDefaults())
			.addFilterBefore(new AnonymousUploadFilter(new LoginUrlAuthenticationEntryPoint("/login")),
					CsrfFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle, false), UsernamePasswordAuthenticationFilter.class)
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		// Written before the request is handled: written after it, they raced with a streamed answer's first flush
		// on another thread (the response's headers were changed while Tomcat committed them), which under load broke
		// a response now and then.
		headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {

			@Override
			public <O extends HeaderWriterFilter> O postProcess(O filter) {
				filter.setShouldWriteHeadersEagerly(true);
				return filter;
			}

		});
		// X-Content-Type-Options: nosniff and HSTS (only on HTTPS requests) are Spring Security's defaults.
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/** 401 naming the credentials the path takes; the code assistant offers no Basic prompt to browsers. */
	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/code")) {
			SecurityProblems.unauthorized(response, "Bearer realm=\"deepseek-rag\"",
					"The code assistant needs an API key (Authorization: Bearer <key>) or a signed-in user.");
		}
		else {
			SecurityProblems.unauthorized(response, "Basic realm=\"deepseek-rag\"",
					"Administrator credentials are required");
		}
	}

	private static boolean authorization(HttpServletRequest request, String scheme) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, scheme, 0, scheme.length());
	}

}
