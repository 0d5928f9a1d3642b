package io.github.deepseekspring.rag.app.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser harness itself: Debian's Chromium starts headless, renders a page, runs its script, screenshots it. */
class HeadlessChromiumIntegrationTests {

	@Test
	void rendersAPageRunsItsScriptAndSavesAScreenshot() throws Exception {
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open("data:text/html,<p id='out'>static</p><script>document.getElementById('out')"
					+ ".textContent='scripted'</script>");
			assertThat(browser.visible(By.id("out")).getText()).isEqualTo("scripted");
			Path screenshot = browser.screenshot("harness");
			assertThat(Files.size(screenshot)).isGreaterThan(100);
		}
	}

}
