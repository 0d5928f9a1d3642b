package io.github.deepseekspring.rag.app.chat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers have no session, so Spring Session's filter (whose response wrapper would sit on every write of an
 * answer's events) is off their paths, and on the staff's: a streamed answer makes no session and sets no session
 * cookie, the filter the app registers passes customer requests by unwrapped and wraps staff ones, Boot's registration
 * for every path is gone, and an administrator still signs in with a session kept in the database.
 */
@ChatAppTest
class CustomerPathsWithoutSessionTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServletContext servletContext;

	@Autowired
	List<FilterRegistrationBean<?>> registrations;

	@Value("${local.server.port}")
	int port;

	@Test
	void aStreamedAnswerMakesNoSessionAndSetsNoSessionCookie() throws Exception {
		this.deepseek.reset();
		this.deepseek.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text("主机保修两年 [1]。"));
		long sessions = sessions();
		HttpResponse<String> streamed = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/chat/stream")))
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(ChatHttp.body(Map.of("message", "YF-AX3000 保修多久？"))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(streamed.statusCode()).isEqualTo(200);
		assertThat(streamed.body()).contains("event:done");
		assertThat(streamed.headers().allValues("Set-Cookie")).as("the chat's own owner cookie only")
			.noneMatch((cookie) -> cookie.startsWith("SESSION=") || cookie.startsWith("JSESSIONID="));
		assertThat(sessions()).isEqualTo(sessions);
	}

	@Test
	void springSessionsFilterIsRegisteredOnceAndPassesCustomerPathsByUnwrapped() throws Exception {
		assertThat(this.servletContext.getFilterRegistrations()).as("Boot's registration for every path is off")
			.containsKey("staffSessionRepositoryFilter")
			.doesNotContainKey("springSessionRepositoryFilter");
		Filter filter = this.registrations.stream()
			.filter((registration) -> "staffSessionRepositoryFilter".equals(registration.getFilterName()))
			.findFirst()
			.orElseThrow()
			.getFilter();
		for (String path : List.of("/api/chat/stream", "/api/chat/c-1", "/widget", "/widget/config", "/widget.js",
				"/v1/chat/completions")) {
			assertThat(wrapped(filter, path)).as(path).isFalse();
		}
		for (String path : List.of("/admin/kb", "/api/admin/feedback", "/api/agent/inbox", "/login", "/",
				"/api/chatter")) {
			assertThat(wrapped(filter, path)).as(path).isTrue();
		}
	}

	@Test
	void anAdministratorStillSignsInWithASessionInTheDatabase() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		long sessions = sessions();
		String loginPage = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF_FIELD.matcher(loginPage);
		assertThat(csrf.find()).as("the login form's CSRF token, kept in the session").isTrue();
		String form = "username=admin&password=test-admin-password&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
		assertThat(browser.send(HttpRequest.newBuilder(URI.create(url("/admin/kb"))).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).as("signed in by the session cookie").isEqualTo(200);
		assertThat(sessions()).as("the sign-in's session, in the database").isGreaterThan(sessions);
	}

	/** Whether the filter handed the rest of the chain a request and response of Spring Session's. */
	private static boolean wrapped(Filter filter, String path) throws IOException, ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		List<Boolean> seen = new ArrayList<>();
		filter.doFilter(request, response, (chainRequest, chainResponse) -> seen
			.add(chainRequest.getAttribute(SessionRepositoryFilter.SESSION_REPOSITORY_ATTR) != null
					|| chainResponse != response));
		assertThat(seen).as("the chain goes on for " + path).hasSize(1);
		return seen.getFirst();
	}

	private long sessions() {
		return this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
