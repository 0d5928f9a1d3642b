package io.github.deepseekspring.rag.app.code;

import java.time.Duration;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.rag.app.browser.HeadlessChromium;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /code page in a real browser against the app and the DeepSeek simulator, signed in (the assistant is not
 * public by default): the page sends the session cookie and the CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.data-dir=${java.io.tmpdir}/rag-code-browser-${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:${random.uuid}", "deepseek.rag.admin.password=test-admin-password" })
@UseDeepSeekSimulator
class CodePageBrowserIntegrationTests {

	static final String ANSWER = "```python\ndef is_even(n: int) -> bool:\n    return n % 2 == 0\n```\n"
			+ "Even numbers leave no remainder <b>when</b> divided by two.";

	@Value("${local.server.port}")
	int port;

	@Autowired
	DeepSeekSimulator deepseek;

	@BeforeEach
	void reset() {
		this.deepseek.reset();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** Opens /code: the sign-in page comes first, then the browser is back on /code. */
	private void openSignedIn(HeadlessChromium browser) {
		browser.open(url("/code"));
		browser.until(ExpectedConditions.urlContains("/login"));
		browser.signInAsAdmin("test-admin-password");
		browser.until(ExpectedConditions.urlContains("/code"));
	}

	@Test
	void writesStreamsAndCopiesCode() {
		this.deepseek.onUserMessage("even", ScriptedReply.text(ANSWER).withReasoning("Use the modulo operator."));
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			openSignedIn(browser);
			new Select(browser.visible(By.id("language"))).selectByValue("python");
			browser.click(By.id("thinking"));
			browser.visible(By.id("task")).sendKeys("a function that tells whether a number is even");
			browser.click(By.id("generate"));

			WebElement code = browser.visible(By.id("code-output"));
			assertThat(code.getText()).isEqualTo("def is_even(n: int) -> bool:\n    return n % 2 == 0");
			// The model's text is shown as text, never as markup.
			assertThat(browser.visible(By.id("explanation")).getText())
				.isEqualTo("Even numbers leave no remainder <b>when</b> divided by two.");
			assertThat(browser.driver().findElements(By.cssSelector("#explanation b"))).isEmpty();
			assertThat(browser.visible(By.id("code-language")).getText()).isEqualTo("python");
			browser.click(By.cssSelector("#reasoning summary"));
			assertThat(browser.visible(By.id("reasoning-text")).getText()).isEqualTo("Use the modulo operator.");
			assertThat(browser.driver().findElement(By.id("code-error")).isDisplayed()).isFalse();
			assertThat(browser.driver().findElement(By.id("generate")).isEnabled()).isTrue();

			browser.click(By.id("copy"));
			String status = browser.until((d) -> {
				String s = d.findElement(By.id("copy-status")).getText();
				return s.isEmpty() ? null : s;
			});
			assertThat(status).isIn("Copied.", "Copying failed; the code is selected, copy it by hand.");
			browser.screenshot("code-page");

			var request = this.deepseek.requests().last().json();
			assertThat(request.path("thinking").path("type").asString()).isEqualTo("enabled");
			assertThat(request.path("messages").get(0).path("content").asString()).contains("```python");
		}
	}

	@Test
	void showsWhenTheAnswerHasNoCodeAndLetsTheUserStop() {
		this.deepseek.onUserMessage("poem", ScriptedReply.text("I can only write a poem about it."));
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			openSignedIn(browser);
			new Select(browser.visible(By.id("language"))).selectByValue("go");
			browser.visible(By.id("task")).sendKeys("a poem");
			browser.click(By.id("generate"));
			assertThat(browser.visible(By.id("code-error")).getText())
				.isEqualTo("The model's answer contains no Go code block.");
			assertThat(browser.driver().findElement(By.id("copy")).isDisplayed()).isFalse();

			this.deepseek.faults().tokenDelay(Duration.ofMillis(300));
			browser.visible(By.id("task")).clear();
			browser.driver().findElement(By.id("task")).sendKeys("a long program");
			browser.click(By.id("generate"));
			browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stream"), "Echo"));
			browser.click(By.id("stop"));
			assertThat(browser.visible(By.id("code-notice")).getText()).isEqualTo("Stopped.");
			assertThat(browser.driver().findElement(By.id("generate")).isEnabled()).isTrue();
			assertThat(this.deepseek.requests().last().awaitClientDisconnect(Duration.ofSeconds(10))).isTrue();
		}
		finally {
			this.deepseek.faults().clear();
		}
	}

}
