package io.github.deepseekspring.rag.app.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.rag.app.browser.CustomerChatPage;
import io.github.deepseekspring.rag.app.browser.HeadlessChromium;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 in a real browser: a photo question streamed with the photo in the transcript, a repeated question
 * answered from the answer cache, the dashboard over a scripted day of traffic, the upload and re-index progress bars,
 * and axe-core (from its WebJar, injected by the test) finding no critical or serious violation on any page at desktop and
 * phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.data-dir=${java.io.tmpdir}/rag-issue22-browser-${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:${random.uuid}", "deepseek.rag.admin.password=test-admin-password",
				"deepseek.rag.cache.enabled=true" })
@UseDeepSeekSimulator
class CustomerServiceBrowserIntegrationTests {

	private static final String ROUTER = """
			# YF-R5 router lights and warranty

			## Lights
			A red blinking WAN light on the YF-R5 router means the line is down: check the cable, then restart.

			## Warranty
			The YF-R5 router has a warranty of 24 months from the date of purchase.
			""";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	IngestionService ingestion;

	@TempDir
	Path files;

	@BeforeEach
	void knowledge() {
		this.ingestion.ingest(ROUTER.getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, "yf-r5.md",
				"YF-R5 router lights and warranty");
	}

	@AfterEach
	void resetModel() {
		this.deepseek.reset();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static WebElement ask(HeadlessChromium browser, String question) {
		return new CustomerChatPage(browser).ask(question);
	}

	@Test
	void aPhotoQuestionIsStreamedWithThePhotoInTheTranscript() throws Exception {
		this.deepseek.onUserMessage("What does this light mean",
				ScriptedReply.text("The red blinking WAN light means the line is down [1]."));
		Path photo = Files.write(this.files.resolve("router.png"), routerPhoto());
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/"));
			browser.driver().findElement(By.id("photos")).sendKeys(photo.toString());
			browser.visible(By.cssSelector("#thumbnails .thumbnail img"));
			WebElement answer = ask(browser, "What does this light mean on my YF-R5 router?");
			assertThat(answer.findElement(By.cssSelector(".answer")).getText()).contains("line is down");
			WebElement question = browser.driver().findElement(By.cssSelector("article.user"));
			assertThat(question.findElement(By.cssSelector("img.photo")).getAttribute("src")).startsWith("data:image/png");
			assertThat(browser.driver().findElement(By.id("thumbnails")).isDisplayed()).isFalse();
			assertThat(this.deepseek.requests().last().body()).contains("image_url");
			Path screenshot = browser.screenshot("chat-photo");
			docs(screenshot, "chat-photo.png");

			browser.open(url("/"));
			WebElement restored = browser.visible(By.cssSelector("article.user img.photo"));
			assertThat(restored.getAttribute("src")).contains("/photos/");
			// visible is not loaded: on a busy machine the image may still be on its way when the element shows
			Boolean loaded = browser.until((driver) -> (Boolean) ((JavascriptExecutor) driver)
				.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", restored));
			assertThat(loaded).isTrue();
		}
	}

	/** A drawn router with a red WAN light, so that the README's screenshot shows what a customer would send. */
	private static byte[] routerPhoto() throws IOException {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0xe8eef3));
		g.fillRect(0, 0, 320, 200);
		g.setColor(new Color(0xf8f8f8));
		g.fillRoundRect(30, 60, 260, 80, 24, 24);
		g.setColor(new Color(0x9aa5b1));
		g.drawRoundRect(30, 60, 260, 80, 24, 24);
		String[] labels = { "PWR", "WAN", "WiFi" };
		Color[] lights = { new Color(0x2e9e44), new Color(0xd62828), new Color(0x2e9e44) };
		for (int i = 0; i < labels.length; i++) {
			g.setColor(lights[i]);
			g.fillOval(80 + i * 70, 85, 16, 16);
			g.setColor(new Color(0x3c4650));
			g.drawString(labels[i], 76 + i * 70, 122);
		}
		g.drawString("YF-R5", 40, 52);
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return png.toByteArray();
	}

	@Test
	void aRepeatedQuestionIsAnsweredFromTheCache() {
		this.deepseek.onUserMessage("YF-R5 router warranty", ScriptedReply.text("The YF-R5 has a 24-month warranty [1]."));
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/"));
			WebElement first = ask(browser, "How long is the YF-R5 router warranty?");
			assertThat(first.getAttribute("data-mode")).isEqualTo("llm");
		}
		int calls = this.deepseek.requests().count("/chat/completions");
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/"));
			WebElement again = ask(browser, "How long is the YF-R5 router warranty?");
			assertThat(again.getAttribute("data-mode")).isEqualTo("cache");
			assertThat(again.findElement(By.cssSelector(".answer")).getText()).contains("24-month");
			assertThat(again.findElements(By.cssSelector("a.cite"))).hasSize(1);
			assertThat(again.findElement(By.cssSelector(".status")).getText()).contains("saved answers");
		}
		assertThat(this.deepseek.requests().count("/chat/completions")).isEqualTo(calls);
	}

	@Test
	void theDashboardShowsAScriptedDayOfTraffic() throws Exception {
		this.deepseek.onUserMessage("YF-R5 router warranty", ScriptedReply.text("The YF-R5 has a 24-month warranty [1]."));
		this.deepseek.onUserMessage("WAN light", ScriptedReply.text("It means the line is down [1]."));
		// a router passage may still be retrieved for it: the model then answers with the sentinel, as prompted
		this.deepseek.onUserMessage("washing machines", ScriptedReply.text("[[NOT_COVERED]]"));
		HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		List<JsonNode> replies = new ArrayList<>();
		for (String question : List.of("How long is the YF-R5 router warranty?", "How long is the YF-R5 router warranty?",
				"What does the red WAN light on the YF-R5 router mean?", "Do you sell washing machines?",
				"How long is the YF-R5 router warranty?")) {
			replies.add(post(client, "/api/chat", Map.of("message", question)));
		}
		JsonNode answered = replies.get(2);
		post(client, "/api/chat/" + answered.path("conversationId").asString() + "/feedback",
				Map.of("messageId", answered.path("messageId").asString(), "rating", "up"));
		JsonNode unanswered = replies.get(3);
		post(client, "/api/chat/" + unanswered.path("conversationId").asString() + "/handoff", Map.of());
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/admin"));
			browser.signInAsAdmin("test-admin-password");
			browser.until(ExpectedConditions.urlContains("/admin/dashboard"));
			browser.until((driver) -> "7".equals(driver.findElement(By.tagName("body")).getAttribute("data-loaded")));
			// the day's traffic, with what other tests of this class asked before (one database)
			assertThat(Integer.parseInt(browser.visible(By.id("tile-questions")).getText())).isGreaterThanOrEqualTo(5);
			assertThat(browser.visible(By.id("tile-satisfaction")).getText()).isEqualTo("100.0 %");
			assertThat(Integer.parseInt(browser.visible(By.id("tile-cache")).getText().split(" ")[0]))
				.isGreaterThanOrEqualTo(2);
			assertThat(browser.visible(By.id("top-questions")).getText()).contains("How long is the YF-R5 router warranty?");
			assertThat(browser.visible(By.id("top-unanswered")).getText()).contains("washing machines");
			assertThat((Boolean) ((JavascriptExecutor) browser.driver())
				.executeScript("return typeof Chart !== 'undefined' && Chart.getChart('chart-questions') !== undefined"))
				.isTrue();
			assertThat(browser.driver().findElement(By.cssSelector(".admin-nav a")).getText()).isEqualTo("Dashboard");
			Path screenshot = browser.screenshot("dashboard");
			docs(screenshot, "dashboard.png");
			browser.driver().findElement(By.cssSelector("#period input[value='30']")).click();
			browser.until((driver) -> "30".equals(driver.findElement(By.tagName("body")).getAttribute("data-loaded")));
			assertThat(browser.driver().findElement(By.id("csv")).getAttribute("href")).endsWith("days=30");
			browser.resize(390, 844);
			browser.screenshot("dashboard-phone");
		}
	}

	@Test
	void uploadingSeveralFilesShowsPerFileAndOverallProgress() throws Exception {
		Path one = Files.writeString(this.files.resolve("yf-a1.md"), "# YF-A1\n\nThe YF-A1 has a 12-month warranty.\n");
		Path two = Files.writeString(this.files.resolve("yf-a2.md"), "# YF-A2\n\nThe YF-A2 has a 36-month warranty.\n");
		Path bad = Files.write(this.files.resolve("tool.exe"), new byte[] { 1, 2, 3 });
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/admin/kb"));
			browser.signInAsAdmin("test-admin-password");
			browser.until(ExpectedConditions.urlContains("/admin"));
			browser.open(url("/admin/kb"));
			browser.visible(By.id("file")).sendKeys(one + "\n" + two + "\n" + bad);
			browser.click(By.id("upload-submit"));
			browser.until((driver) -> "true".equals(driver.findElement(By.id("upload-progress")).getAttribute("data-done")));
			List<WebElement> rows = browser.driver().findElements(By.cssSelector("#upload-files li"));
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0).getAttribute("data-status")).isEqualTo("done");
			assertThat(rows.get(1).getAttribute("data-status")).isEqualTo("done");
			assertThat(rows.get(2).getAttribute("data-status")).isEqualTo("failed");
			assertThat(browser.driver().findElement(By.id("upload-overall")).getAttribute("value")).isEqualTo("100");
			assertThat(browser.driver().findElement(By.id("upload-status")).getText()).isEqualTo("2 / 3");
			browser.screenshot("admin-kb-progress");
		}
	}

	@Test
	void reindexingShowsPerDocumentAndOverallProgress() throws Exception {
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/admin/kb"));
			browser.signInAsAdmin("test-admin-password");
			browser.until(ExpectedConditions.urlContains("/admin"));
			browser.open(url("/admin/kb"));
			int documents = browser.driver().findElements(By.cssSelector("#documents tbody tr")).size();
			assertThat(documents).isPositive();
			browser.click(By.id("reindex-submit"));
			browser.until((driver) -> "true".equals(driver.findElement(By.id("reindex-progress")).getAttribute("data-done")));
			List<WebElement> rows = browser.driver().findElements(By.cssSelector("#reindex-files li"));
			assertThat(rows).hasSize(documents)
				.allSatisfy((row) -> assertThat(row.getAttribute("data-status")).isEqualTo("done"));
			assertThat(rows.get(0).findElement(By.tagName("label")).getText()).isNotBlank();
			assertThat(browser.driver().findElement(By.id("reindex-overall")).getAttribute("value")).isEqualTo("100");
			assertThat(browser.driver().findElement(By.id("reindex-status")).getText())
				.isEqualTo(documents + " / " + documents);
			assertThat(browser.driver().findElement(By.id("reindex-submit")).isEnabled()).isTrue();
			browser.screenshot("admin-kb-reindex");
		}
	}

	@Test
	void everyPagePassesAxeWithoutCriticalOrSeriousViolations() throws Exception {
		this.deepseek.onUserMessage("YF-R5 router warranty", ScriptedReply.text("The YF-R5 has a 24-month warranty [1]."));
		String axe = new String(getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")
			.readAllBytes(), StandardCharsets.UTF_8);
		List<String> violations = new ArrayList<>();
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open(url("/"));
			ask(browser, "How long is the YF-R5 router warranty?");
			for (int width : new int[] { 1280, 390 }) {
				browser.resize(width, 900);
				violations.addAll(axe(browser, axe, "/ (" + width + ")"));
			}
			browser.open(url("/login"));
			violations.addAll(axe(browser, axe, "/login"));
			browser.signInAsAdmin("test-admin-password");
			browser.until(ExpectedConditions.urlContains("/admin/dashboard"));
			for (String page : List.of("/admin/dashboard", "/admin/kb", "/admin/search?q=warranty", "/admin/unanswered",
					"/admin/feedback", "/admin/tickets", "/admin/backend", "/admin/cache", "/code")) {
				for (int width : new int[] { 1280, 390 }) {
					browser.resize(width, 900);
					browser.open(url(page));
					Thread.sleep(300);
					violations.addAll(axe(browser, axe, page + " (" + width + ")"));
					if (width == 390) {
						Object overflow = ((JavascriptExecutor) browser.driver())
							.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
						if (Boolean.TRUE.equals(overflow)) {
							violations.add(page + " (390): the page is wider than the phone's screen");
						}
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static List<String> axe(HeadlessChromium browser, String axe, String page) {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript(axe);
		Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations
				  .filter((v) => v.impact === 'critical' || v.impact === 'serious')
				  .map((v) => v.impact + ' ' + v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))));""");
		return ((List<String>) result).stream().map((violation) -> page + ": " + violation).toList();
	}

	private JsonNode post(HttpClient client, String path, Object body) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.body().isEmpty() ? null : json.readTree(response.body());
	}

	/** README screenshots are refreshed on request only (-Ddocs.screenshots=true), like the chat's. */
	private static void docs(Path screenshot, String name) throws Exception {
		Path docs = Path.of("..", "docs", "images");
		if (Boolean.getBoolean("docs.screenshots") && Files.isDirectory(docs.getParent())) {
			Files.createDirectories(docs);
			Files.copy(screenshot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
