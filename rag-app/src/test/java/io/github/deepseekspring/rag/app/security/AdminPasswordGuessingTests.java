package io.github.deepseekspring.rag.app.security;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.deepseekspring.rag.app.RagApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attack: guessing the admin password without limit, on the login form or with HTTP Basic, each guess costing the
 * server a bcrypt check. Failures are throttled per address and per user name (429 with {@code Retry-After}) and
 * logged without the password; a short configured password stops the start; a generated one is shown only on a
 * developer's plain console.
 */
@SpringBootTest(properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
		"deepseek.rag.data-dir=${java.io.tmpdir}/rag-guessing-tests-${random.uuid}",
		"spring.datasource.url=jdbc:h2:mem:${random.uuid}", "deepseek.rag.admin.password=" + AdminPasswordGuessingTests.PASSWORD,
		"deepseek.rag.admin.login.free-attempts=5" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordGuessingTests {

	static final String PASSWORD = "guessing-test-admin-password";

	/** Spring Boot's style: the password alone after a colon, printed on the console. */
	private static final Pattern GENERATED = Pattern.compile("generated[^\\n]{0,40}password[^\\n]{0,20}:\\s*([^\\s\"]{12,})");

	@Autowired
	MockMvc mvc;


	@Test
	void formLoginFailuresAreThrottledPerAddress() throws Exception {
		for (int i = 0; i < 6; i++) {
			this.mvc.perform(login("guess-" + i, "wrong-" + i, "10.20.0.1"))
				.andExpect(redirectedUrl("/login?error"));
		}
		// Even the right password is not checked while the address is locked out.
		MvcResult locked = this.mvc
			.perform(login("admin", PASSWORD, "10.20.0.1"))
			.andExpect(status().isTooManyRequests())
			.andReturn();
		assertThat(Integer.parseInt(locked.getResponse().getHeader("Retry-After"))).isBetween(1, 900);
		this.mvc.perform(login("admin", PASSWORD, "10.20.0.2"))
			.andExpect(authenticated());
	}

	@Test
	void basicFailuresAreThrottledPerUserWhateverTheAddress() throws Exception {
		for (int i = 0; i < 6; i++) {
			this.mvc.perform(get("/api/admin/tickets").with(httpBasic("operator", "wrong-" + i)).with(from("10.30.0." + i)))
				.andExpect(status().isUnauthorized());
		}
		MvcResult locked = this.mvc
			.perform(get("/api/admin/tickets").with(httpBasic("operator", "another-guess")).with(from("10.30.1.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.status").value(429))
			.andReturn();
		assertThat(Integer.parseInt(locked.getResponse().getHeader("Retry-After"))).isBetween(1, 900);
		this.mvc.perform(get("/api/admin/tickets").with(httpBasic("admin", PASSWORD)).with(from("10.30.1.1")))
			.andExpect(status().isOk());
	}

	@Test
	void failuresAreLoggedWithoutThePassword(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/api/admin/tickets").with(httpBasic("log-probe", "guess-7f3a9c")).with(from("10.40.0.1")))
			.andExpect(status().isUnauthorized());
		assertThat(output.getAll()).contains("log-probe").doesNotContain("guess-7f3a9c").doesNotContain("10.40.0.1");
	}

	@Test
	void aShortConfiguredPasswordStopsTheStartNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Map.of("deepseek.rag.admin.password", "too-short")).close());
		assertThat(output.getAll()).contains("deepseek.rag.admin.password").contains("12 characters");
	}

	@Test
	void aGeneratedPasswordIsPrintedOnceOnAPlainConsole(CapturedOutput output) {
		start(Map.of()).close();
		Matcher generated = GENERATED.matcher(output.getAll());
		assertThat(generated.find()).as("the generated password is shown").isTrue();
		assertThat(generated.find()).as("only once").isFalse();
	}

	@Test
	void aGeneratedPasswordNeverGoesIntoJsonLogs(CapturedOutput output) {
		// The profile that switches the console to JSON lines. The logging system and the system properties it sets
		// are global to this JVM and its other test contexts, so they are left as they were: what counts is what the
		// application writes.
		Properties before = (Properties) System.getProperties().clone();
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			start(Map.of("spring.profiles.active", "json")).close();
		}
		finally {
			System.setProperties(before);
		}
		assertThat(output.getAll()).contains("generated and is not shown");
		assertThat(GENERATED.matcher(output.getAll()).find()).isFalse();
	}

	@Test
	void noPasswordIsGeneratedUnderAProductionProfile(CapturedOutput output) {
		for (String profile : new String[] { "compose", "kubernetes" }) {
			assertThatException().isThrownBy(() -> start(Map.of("spring.profiles.active", profile)).close());
		}
		assertThat(GENERATED.matcher(output.getAll()).find()).isFalse();
		assertThat(output.getAll()).contains("deepseek.rag.admin.password");
	}

	/** The whole application, as an operator starts it (no admin password unless given). */
	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		String id = UUID.randomUUID().toString();
		return new SpringApplicationBuilder(RagApplication.class)
			.properties(Map.of("server.port", "0", "deepseek.rag.store", "lucene", "deepseek.rag.sample-data", "false",
					"deepseek.rag.data-dir", System.getProperty("java.io.tmpdir") + "/rag-startup-" + id,
					"spring.datasource.url", "jdbc:h2:mem:startup-" + id, "spring.main.banner-mode", "off",
					"deepseek.rag.security.secret", "startup-test-install-secret-not-secret-0123456789"))
			.properties(properties)
			.run();
	}

	/** The login form as a browser at the address posts it. */
	private static MockHttpServletRequestBuilder login(String user, String password, String address) {
		return post("/login").param("username", user).param("password", password).with(csrf()).with(from(address));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
