package io.github.deepseekspring.rag.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat's own scripts in a real browser, without the app: the Markdown renderer never lets HTML or script through,
 * and the server-sent-events reader copes with events split anywhere across network chunks.
 */
class ChatScriptsBrowserIntegrationTests {

	private static final Path SCRIPTS = Path.of("src", "main", "resources", "static", "js");

	private static HeadlessChromium browser;

	@BeforeAll
	static void loadScripts() throws IOException {
		browser = HeadlessChromium.start();
		browser.open("about:blank");
		js().executeScript(script("markdown.js") + "\n" + script("sse.js"));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	private static String script(String name) throws IOException {
		return Files.readString(SCRIPTS.resolve(name), StandardCharsets.UTF_8);
	}

	private static JavascriptExecutor js() {
		return (JavascriptExecutor) browser.driver();
	}

	private static String render(String markdown) {
		return (String) js().executeScript("return SafeMarkdown.render(arguments[0], (n) => n <= 2);", markdown);
	}

	/** Renders into a detached element and reports what the DOM made of it. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> dom(String markdown) {
		return (Map<String, Object>) js().executeScript("""
				const div = document.createElement('div');
				div.innerHTML = SafeMarkdown.render(arguments[0], (n) => n <= 2);
				const attributes = [...div.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name));
				return { tags: [...div.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
				         hrefs: [...div.querySelectorAll('a')].map((a) => a.getAttribute('href')),
				         attributes: attributes, text: div.textContent };
				""", markdown);
	}

	@Test
	void htmlAndScriptInAnAnswerStayText() {
		Map<String, Object> result = dom("<img src=x onerror=\"alert(1)\"><script>alert(2)</script>"
				+ "<a href=\"javascript:alert(3)\">x</a> \" onmouseover=\"alert(4)");
		assertThat((List<String>) result.get("tags")).containsOnly("p");
		assertThat((String) result.get("text")).contains("<img src=x onerror=\"alert(1)\">", "<script>alert(2)</script>");
	}

	@Test
	@SuppressWarnings("unchecked")
	void onlyHttpLinksBecomeLinks() {
		Map<String, Object> result = dom("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.com/x?a=1&b=\"2\") "
				+ "[d](http://example.com/**y**) [e](https://e.com\" onclick=\"alert(1))");
		assertThat((List<String>) result.get("hrefs")).containsExactly("https://example.com/x?a=1&b=\"2\"",
				"http://example.com/**y**");
		assertThat((List<String>) result.get("attributes")).doesNotContain("onclick", "onerror", "onmouseover");
	}

	@Test
	void formatsTheUsualMarkdown() {
		assertThat(render("**Warranty**: *three* years, see `YF-BE7200`.\n- one\n- two\n\n1. first\n2. second"))
			.isEqualTo("<p><strong>Warranty</strong>: <em>three</em> years, see <code>YF-BE7200</code>.</p>"
					+ "<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>");
		assertThat(render("```\n<b>**raw**</b>\n```")).isEqualTo("<pre><code>&lt;b&gt;**raw**&lt;/b&gt;</code></pre>");
		assertThat(render("2*3*4 and a * b")).isEqualTo("<p>2*3*4 and a * b</p>");
	}

	@Test
	void onlyKnownCitationsBecomeLinks() {
		assertThat(render("Three years [1][2], not [3]."))
			.isEqualTo("<p>Three years <a href=\"#\" class=\"cite\" data-n=\"1\">[1]</a>"
					+ "<a href=\"#\" class=\"cite\" data-n=\"2\">[2]</a>, not [3].</p>");
	}

	@Test
	@SuppressWarnings("unchecked")
	void readsServerSentEventsSplitAcrossChunks() {
		List<Object> events = (List<Object>) js().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const chunks = ['event: meta\\ndata: {"conversationId":"c1","messageId":"m1"}\\n\\nevent: tok',
				                'en\\ndata: {"text":"你好"}\\n\\n: comment\\n\\nevent: token\\r\\ndata: {"text":" wor',
				                'ld"}\\r\\n\\r\\nevent: done\\ndata: {"mode":"llm"}'];
				const encoder = new TextEncoder();
				const body = new ReadableStream({ start(c) { chunks.forEach((x) => c.enqueue(encoder.encode(x))); c.close(); } });
				const seen = [];
				ServerSentEvents.read(body, (name, data) => seen.push([name, data])).then(() => done(seen), (e) => done(String(e)));
				""");
		assertThat(events).hasSize(4);
		assertThat(events.get(0).toString()).contains("meta", "c1", "m1");
		assertThat(events.get(1).toString()).contains("token", "你好");
		assertThat(events.get(2).toString()).contains("token", " world");
		assertThat(events.get(3).toString()).contains("done", "llm");
	}

}
