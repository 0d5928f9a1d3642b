package io.github.deepseekspring.rag.app.widget;

import java.util.List;

import io.github.deepseekspring.rag.app.browser.CustomerChatPage;
import io.github.deepseekspring.rag.app.agent.CustomerServiceApp;
import io.github.deepseekspring.rag.app.browser.HeadlessChromium;
import io.github.deepseekspring.testkit.ScriptedReply;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget on other sites, in a real browser: on a site the app allows, the one-line script shows a bubble the
 * site's CSS cannot restyle, which opens the chat in an iframe that answers with citations; on a site it does not
 * allow there is no bubble, and the chat refuses to be framed there even without the script.
 */
class WidgetBrowserIntegrationTests extends CustomerServiceApp {

	@Test
	void onAnAllowedSiteTheBubbleOpensAChatThatAnswersWithCitations() {
		this.deepseek.onUserMessage("YF-Q7 warranty",
				ScriptedReply.text("The YF-Q7 travel router has a **30-month** warranty [1]."));
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			WebDriver driver = browser.driver();
			browser.open(HostPages.get().allowedOrigin() + "/");
			SearchContext widget = browser.until((d) -> d.findElement(By.cssSelector("[data-deepseek-rag-widget]")))
				.getShadowRoot();
			WebElement bubble = browser.until((d) -> widget.findElement(By.cssSelector("button.bubble")));
			assertThat(bubble.getAttribute("aria-label")).isEqualTo("Chat with us");
			// The page's "button { background: red !important }" does not reach into the widget.
			assertThat(bubble.getCssValue("background-color")).isEqualTo("rgba(31, 111, 235, 1)");
			bubble.click();

			driver.switchTo().frame(widget.findElement(By.cssSelector(".panel iframe")));
			WebElement answer = new CustomerChatPage(browser).ask("How long is the YF-Q7 warranty?");
			assertThat(answer.findElement(By.cssSelector(".answer strong")).getText()).isEqualTo("30-month");
			assertThat(new CustomerChatPage(browser).firstCitation(answer)).contains("30 months");
			assertThat(driver.findElement(By.tagName("body")).getAttribute("data-customer-ref")).isEqualTo("A-1024");
			browser.screenshot("widget");

			browser.click(By.id("widget-close"));
			driver.switchTo().defaultContent();
			WebElement host = driver.findElement(By.cssSelector("[data-deepseek-rag-widget]"));
			browser.until((d) -> "closed".equals(host.getAttribute("data-state")));

			// The site may also frame the chat without the script: it is allowed to.
			browser.until((d) -> Boolean.TRUE.equals(script(d, "return window.directLoaded === true")));
			driver.switchTo().frame(driver.findElement(By.id("direct")));
			assertThat(driver.findElements(By.id("question"))).hasSize(1);
		}
	}

	@Test
	void aSiteNotAllowedGetsNothing() {
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			WebDriver driver = browser.driver();
			browser.open(HostPages.get().refusedOrigin() + "/");
			browser.until((d) -> !((List<?>) script(d, "return window.widgetWarnings")).isEmpty());
			assertThat(script(driver, "return window.widgetWarnings.join(' ')").toString()).contains("not shown");
			assertThat(driver.findElements(By.cssSelector("[data-deepseek-rag-widget]"))).isEmpty();

			// Framed without the script, the chat is refused by its Content-Security-Policy (frame-ancestors).
			browser.until((d) -> Boolean.TRUE.equals(script(d, "return window.directLoaded === true")));
			driver.switchTo().frame(driver.findElement(By.id("direct")));
			assertThat(driver.findElements(By.id("question"))).isEmpty();
			driver.switchTo().defaultContent();
			browser.screenshot("widget-refused");
		}
	}

	private static Object script(WebDriver driver, String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

}
