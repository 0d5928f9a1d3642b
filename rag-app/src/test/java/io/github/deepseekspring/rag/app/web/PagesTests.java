package io.github.deepseekspring.rag.app.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages as HTML: languages, no inline script, and friendly messages for bad admin input. */
@SpringBootTest(properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
		"deepseek.rag.data-dir=${java.io.tmpdir}/rag-pages-tests-${random.uuid}",
		"spring.datasource.url=jdbc:h2:mem:${random.uuid}", "deepseek.rag.admin.password=test-admin-password" })
@AutoConfigureMockMvc
class PagesTests {

	private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Test
	void theChatPageFollowsTheBrowsersLanguage() throws Exception {
		this.mvc.perform(get("/").header("Accept-Language", "zh-CN,zh;q=0.9"))
			.andExpect(content().string(containsString("在线客服")))
			.andExpect(content().string(containsString("转人工客服")))
			.andExpect(content().string(containsString("lang=\"zh\"")));
		this.mvc.perform(get("/").header("Accept-Language", "en-GB"))
			.andExpect(content().string(containsString("Talk to a human")));
		this.mvc.perform(get("/").header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("Talk to a human")));
	}

	@Test
	void pagesHaveNoInlineScriptsOrStyles() throws Exception {
		for (String page : new String[] { "/", "/login" }) {
			assertNoInlineCode(this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString());
		}
		for (String page : new String[] { "/admin/kb", "/admin/search?q=warranty", "/admin/feedback",
				"/admin/tickets", "/admin/unanswered", "/admin/backend" }) {
			assertNoInlineCode(this.mvc.perform(get(page).with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		}
	}

	private static void assertNoInlineCode(String html) {
		Matcher scripts = SCRIPT.matcher(html);
		while (scripts.find()) {
			assertThat(scripts.group(1)).contains("src=");
			assertThat(scripts.group(2)).isBlank();
		}
		assertThat(html).doesNotContain("<style", " style=\"", " onclick=", " onload=", " onsubmit=");
	}

	@Test
	void badUploadsComeBackAsMessagesOnThePage() throws Exception {
		this.mvc
			.perform(multipart("/admin/kb").file(new MockMultipartFile("file", "tool.exe", "application/octet-stream",
					new byte[] { 1, 2 })).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/kb"))
			.andExpect(flash().attribute("error", containsString("not supported")));
		this.mvc.perform(multipart("/admin/kb").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/kb"))
			.andExpect(flash().attribute("error", containsString("Choose a file")));
		this.mvc
			.perform(multipart("/admin/kb")
				.file(new MockMultipartFile("file", "broken.pdf", "application/pdf", "%PDF-1.7 nope".getBytes()))
				.with(user("admin").roles("ADMIN"))
				.with(csrf()))
			.andExpect(flash().attribute("error", containsString("could not be read")))
			.andExpect(flash().attribute("error", not(containsString("Exception"))));
		this.mvc.perform(multipart("/admin/kb/doc-nope/delete").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("error", containsString("no longer exists")));
	}

	@Test
	void pageErrorsAreFriendlyPagesAndApiErrorsStayProblemDetails() throws Exception {
		this.mvc.perform(get("/admin/no-such-page").with(user("admin").roles("ADMIN")).accept("text/html"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This page does not exist.")))
			.andExpect(content().string(not(containsString("Exception"))));
		this.mvc.perform(get("/api/kb/no-such-thing").with(user("admin").roles("ADMIN")).accept("text/html"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get("/admin/no-such-page").with(user("admin").roles("ADMIN")).accept("application/json"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void hitTestingToleratesBadInput() throws Exception {
		this.mvc.perform(get("/admin/search").param("q", "  ").param("k", "abc").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Type a question")));
		this.mvc.perform(get("/admin/search?q=warranty&k=999").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"hits-hybrid\"")));
		this.mvc.perform(get("/admin/feedback").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("data-source=\"/api/admin/feedback\"")));
	}

}
