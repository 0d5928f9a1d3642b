package io.github.deepseekspring.rag.app.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.deepseekspring.rag.app.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages in a real browser against the real app: sign-in, upload, hit testing, delete, sign-out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.data-dir=${java.io.tmpdir}/rag-admin-browser-${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:${random.uuid}", "deepseek.rag.admin.password=test-admin-password" })
class AdminPagesBrowserIntegrationTests {

	@Value("${local.server.port}")
	int port;

	@TempDir
	Path files;

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	static void signIn(HeadlessChromium browser, String password) {
		browser.signInAsAdmin(password);
	}

	@Test
	void signInUploadSearchDeleteAndSignOut() throws Exception {
		Path document = this.files.resolve("yf-q7-warranty.md");
		Files.writeString(document, "# YF-Q7 warranty\n\nThe YF-Q7 travel router has a warranty of 30 months.\n",
				StandardCharsets.UTF_8);
		Path executable = Files.write(this.files.resolve("tool.exe"), new byte[] { 1, 2, 3 });
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/admin/kb"));
			browser.until(ExpectedConditions.urlContains("/login"));
			signIn(browser, "wrong-password");
			assertThat(browser.visible(By.id("login-error")).getText()).contains("Wrong user name or password");
			signIn(browser, "test-admin-password");
			browser.until(ExpectedConditions.urlContains("/admin/kb"));

			browser.driver().findElement(By.id("file")).sendKeys(executable.toString());
			browser.click(By.id("upload-submit"));
			assertThat(browser.visible(By.id("flash-error")).getText()).contains("not supported")
				.doesNotContain("Exception");

			browser.driver().findElement(By.id("file")).sendKeys(document.toString());
			browser.click(By.id("upload-submit"));
			assertThat(browser.visible(By.id("flash")).getText()).contains("YF-Q7 warranty", "created");
			assertThat(browser.visible(By.id("documents")).getText()).contains("yf-q7-warranty.md");
			browser.screenshot("admin-kb");

			browser.open(url("/admin/search?q=YF-Q7+warranty"));
			for (String mode : new String[] { "bm25", "vector", "hybrid" }) {
				assertThat(browser.visible(By.id("hits-" + mode)).getText()).contains("YF-Q7 warranty");
			}
			browser.screenshot("admin-hit-testing");

			browser.open(url("/admin/kb"));
			browser.click(By.cssSelector("#documents tbody tr button"));
			assertThat(browser.visible(By.id("flash")).getText()).contains("deleted");
			assertThat(browser.driver().findElements(By.id("documents"))).isEmpty();

			browser.open(url("/admin/no-such-page"));
			assertThat(browser.visible(By.id("error-message")).getText()).isEqualTo("This page does not exist.");

			browser.open(url("/admin/kb"));
			browser.click(By.id("logout"));
			browser.visible(By.id("login-logout"));
			browser.open(url("/admin/kb"));
			browser.until(ExpectedConditions.urlContains("/login"));
		}
	}

	@Test
	void theChatPageRunsItsScriptsUnderTheContentSecurityPolicyAndSpeaksChinese() {
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/"));
			browser.click(By.id("handoff"));
			// The notice is written by chat.js: the script loaded from 'self' and ran despite the strict policy.
			assertThat(browser.visible(By.id("notice")).getText()).contains("Ask a question first");
			browser.resize(390, 844);
			browser.screenshot("chat-phone-empty");
		}
	}

}
