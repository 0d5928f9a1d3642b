package io.github.deepseekspring.rag.app.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The customer chat as a browser test drives it (the app's page, or the widget's iframe once switched into). */
public final class CustomerChatPage {

	private final HeadlessChromium browser;

	public CustomerChatPage(HeadlessChromium browser) {
		this.browser = browser;
	}

	/** Sends a question to the bot and waits for its answer to be complete. */
	public WebElement ask(String question) {
		int before = this.browser.driver().findElements(By.cssSelector("article.assistant")).size();
		send(question);
		this.browser.until((driver) -> driver.findElements(By.cssSelector("article.assistant")).size() > before);
		WebElement answer = this.browser.driver().findElements(By.cssSelector("article.assistant")).get(before);
		this.browser.until((driver) -> answer.getAttribute("class").contains("done"), Duration.ofSeconds(60));
		return answer;
	}

	/** Types a message and sends it, to whoever answers the conversation now. */
	public void send(String message) {
		this.browser.visible(By.id("question")).sendKeys(message);
		this.browser.click(By.id("send"));
	}

	/** Clicks the answer's first citation and returns the passage shown. */
	public String firstCitation(WebElement answer) {
		answer.findElement(By.cssSelector("a.cite")).click();
		return this.browser.visible(By.id("passage-snippet")).getText();
	}

}
