package io.github.deepseekspring.rag.app.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may do what: form login for the admin pages, HTTP Basic for API clients, CSRF on forms, security headers. */
@SpringBootTest(properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
		"deepseek.rag.data-dir=${java.io.tmpdir}/rag-security-tests-${random.uuid}",
		"spring.datasource.url=jdbc:h2:mem:${random.uuid}", "deepseek.rag.admin.password=test-admin-password" })
@AutoConfigureMockMvc
class SecurityConfigurationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void adminPagesRedirectToTheLoginPage() throws Exception {
		this.mvc.perform(get("/admin/kb")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/admin")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("name=\"password\"")));
	}

	@Test
	void theFormLoginAcceptsTheAdminAndRejectsWrongCredentials() throws Exception {
		this.mvc.perform(formLogin("/login").user("admin").password("wrong"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user("nobody").password("test-admin-password"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin("/login").user("admin").password("test-admin-password"))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(authenticated().withRoles("ADMIN"));
		this.mvc.perform(get("/login?error"))
			.andExpect(content().string(containsString("Wrong user name or password")));
	}

	@Test
	void adminFormsWithoutACsrfTokenAreForbidden() throws Exception {
		this.mvc.perform(post("/admin/kb/doc-nope/delete").with(user("admin").roles("ADMIN")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/kb/doc-nope/delete").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/kb"));
		this.mvc.perform(post("/login").param("username", "admin").param("password", "test-admin-password"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void cookieAuthenticatedApiCallsNeedTheCsrfTokenButHttpBasicCallsDoNot() throws Exception {
		String document = "{\"title\":\"Hours\",\"text\":\"Open every day from 9 to 21.\"}";
		this.mvc
			.perform(post("/api/kb/documents").with(user("admin").roles("ADMIN"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		this.mvc
			.perform(post("/api/kb/documents").with(user("admin").roles("ADMIN"))
				.with(csrf().asHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/kb/documents").with(httpBasic("admin", "test-admin-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andExpect(status().isOk());
	}

	@Test
	void theApiAnswersProblemDetailsInsteadOfLoginPages() throws Exception {
		this.mvc.perform(get("/api/admin/tickets"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(get("/api/kb/documents").with(httpBasic("admin", "wrong")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/kb/documents").with(user("customer").roles("USER")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/metrics").with(httpBasic("admin", "test-admin-password")))
			.andExpect(status().isOk());
	}

	@Test
	void agentsUseTheInboxAndNothingElseOfTheAdminArea() throws Exception {
		this.mvc.perform(get("/admin").with(user("li.na").roles("AGENT"))).andExpect(redirectedUrl("/admin/inbox"));
		this.mvc.perform(get("/admin").with(user("admin").roles("ADMIN"))).andExpect(redirectedUrl("/admin/dashboard"));
		this.mvc.perform(get("/admin/inbox").with(user("li.na").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"transcript\"")))
			.andExpect(content().string(not(containsString("/admin/kb"))));
		this.mvc.perform(get("/admin/kb").with(user("li.na").roles("AGENT"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/tickets").with(user("li.na").roles("AGENT"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/inbox").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
		this.mvc.perform(get("/admin/inbox")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/agent/tickets").with(user("li.na").roles("AGENT"))).andExpect(status().isOk());
		this.mvc.perform(post("/api/agent/tickets/t-1/take").with(user("li.na").roles("AGENT")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCustomerChatNeedsNoLoginAndNoCsrfToken() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isOk());
		this.mvc.perform(get("/js/chat.js")).andExpect(status().isOk());
		this.mvc.perform(get("/css/app.css")).andExpect(status().isOk());
		// The chat API belongs to the chat feature; whatever it answers, it is not the security layer's 401 or 403.
		this.mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON).content("{\"message\":\"hi\"}"))
			.andExpect(status().is(not(401)))
			.andExpect(status().is(not(403)));
	}

	@Test
	void aVisitToTheCustomerChatCreatesNoServerSideSession() throws Exception {
		MvcResult chat = this.mvc.perform(get("/")).andExpect(status().isOk()).andReturn();
		assertThat(chat.getRequest().getSession(false)).isNull();
		assertThat(chat.getResponse().getContentAsString()).doesNotContain("_csrf");
		MvcResult login = this.mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
		assertThat(login.getResponse().getContentAsString()).contains("name=\"_csrf\"");
	}

	@Test
	void everyResponseCarriesSecurityHeaders() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().doesNotExist("Strict-Transport-Security"));
		this.mvc.perform(get("/api/kb/documents"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		this.mvc.perform(get("/").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
	}

}
