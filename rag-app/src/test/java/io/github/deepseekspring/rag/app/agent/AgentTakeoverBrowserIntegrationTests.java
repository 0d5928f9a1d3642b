package io.github.deepseekspring.rag.app.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.github.deepseekspring.rag.app.browser.CustomerChatPage;
import io.github.deepseekspring.rag.app.browser.HeadlessChromium;
import io.github.deepseekspring.testkit.ScriptedReply;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A human takes over in real browsers, one the customer's and one the agent's: the ticket shows up in the inbox, the
 * agent takes it, the customer sees the agent join, both write to each other live, the agent cites a passage found in
 * the inbox and saves the reply as an FAQ entry, and hands the conversation back to the bot.
 */
class AgentTakeoverBrowserIntegrationTests extends CustomerServiceApp {

	@Test
	void anAgentTakesOverAnswersWithACitationAndHandsBack() throws Exception {
		this.deepseek.onUserMessage("YF-Q7 warranty",
				ScriptedReply.text("The YF-Q7 travel router has a 30-month warranty [1]."));
		try (HeadlessChromium customer = HeadlessChromium.start(); HeadlessChromium agent = HeadlessChromium.start()) {
			CustomerChatPage chat = new CustomerChatPage(customer);
			customer.open(url("/"));
			chat.ask("How long is the YF-Q7 warranty?");
			customer.click(By.id("handoff"));
			customer.visible(By.id("contact")).sendKeys("customer@example.com");
			customer.click(By.id("handoff-submit"));
			String ticket = customer.until((driver) -> driver.findElement(By.id("notice")).getAttribute("data-ticket"));

			agent.open(url("/admin/inbox"));
			agent.signIn("li.na", PASSWORD);
			agent.until(ExpectedConditions.urlContains("/admin/inbox"));
			By row = By.cssSelector("#tickets tr[data-ticket='" + ticket + "']");
			assertThat(agent.visible(row).getAttribute("data-state")).isEqualTo("waiting");
			agent.driver().findElement(row).findElement(By.cssSelector("button.take")).click();
			WebElement transcript = agent.visible(By.id("transcript"));
			agent.until((driver) -> transcript.getText().contains("30-month warranty"));
			assertThat(transcript.getText()).contains("How long is the YF-Q7 warranty?");
			agent.until((driver) -> driver.findElement(row).getText().contains("Li Na"));

			assertThat(customer.visible(By.id("agent-banner")).getText()).contains("Li Na");
			assertThat(customer.visible(By.cssSelector("#log .event")).getText()).contains("Li Na joined");

			chat.send("Is a refurbished unit covered too?");
			agent.until((driver) -> transcript.getText().contains("Is a refurbished unit covered too?"));

			agent.visible(By.id("kb-query")).sendKeys("YF-Q7 warranty");
			agent.click(By.id("kb-search-submit"));
			agent.visible(By.id("reply")).sendKeys("Yes, refurbished units have the same 30-month warranty ");
			agent.click(By.cssSelector("#kb-results .cite-passage"));
			assertThat(agent.driver().findElement(By.id("reply")).getAttribute("value")).endsWith("warranty [1]");
			agent.click(By.id("reply-send"));
			agent.until((driver) -> transcript.findElements(By.cssSelector("article.agent")).size() == 1);

			WebElement reply = customer.visible(By.cssSelector("#log article.agent"));
			customer.until((driver) -> reply.getText().contains("same 30-month warranty"));
			assertThat(reply.findElement(By.cssSelector(".who")).getText()).contains("Li Na");
			assertThat(chat.firstCitation(reply)).contains("30 months");

			// A reload shows the whole conversation again, in order, and the agent still holds it.
			customer.open(url("/"));
			customer.until((driver) -> driver.findElement(By.id("log")).getText().contains("same 30-month warranty"));
			String log = customer.driver().findElement(By.id("log")).getText();
			assertThat(log.indexOf("How long is the YF-Q7 warranty?")).isLessThan(log.indexOf("Li Na joined"));
			assertThat(log.indexOf("Li Na joined")).isLessThan(log.indexOf("Is a refurbished unit covered too?"));
			assertThat(customer.visible(By.id("agent-banner")).getText()).contains("Li Na");
			((JavascriptExecutor) agent.driver()).executeScript("window.scrollTo(0, 0)");
			docsScreenshot(agent.screenshot("inbox"));

			transcript.findElement(By.cssSelector("article.agent button.save-faq")).click();
			assertThat(agent.visible(By.id("faq-question")).getAttribute("value"))
				.isEqualTo("Is a refurbished unit covered too?");
			assertThat(agent.driver().findElement(By.id("faq-answer")).getAttribute("value"))
				.isEqualTo("Yes, refurbished units have the same 30-month warranty");
			agent.click(By.id("faq-save"));
			agent.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-status"), "Saved as FAQ"));

			agent.click(By.id("hand-back"));
			customer.until((driver) -> driver.findElement(By.id("log")).getText().contains("handed the conversation back"));
			customer.until(ExpectedConditions.invisibilityOfElementLocated(By.id("agent-banner")));
			WebElement botAgain = chat.ask("How long is the YF-Q7 warranty again?");
			assertThat(botAgain.getAttribute("class")).doesNotContain("agent");
			agent.until((driver) -> driver.findElement(row).getAttribute("data-state").equals("closed"));
		}
	}

	/** The README's screenshot of the inbox, refreshed on request only ({@code -Ddocs.screenshots=true}). */
	private static void docsScreenshot(Path screenshot) throws Exception {
		Path docs = Path.of("..", "docs", "images");
		if (Boolean.getBoolean("docs.screenshots") && Files.isDirectory(docs.getParent())) {
			Files.createDirectories(docs);
			Files.copy(screenshot, docs.resolve("inbox.png"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
