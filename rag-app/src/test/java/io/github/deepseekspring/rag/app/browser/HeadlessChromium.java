package io.github.deepseekspring.rag.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through its chromedriver, for browser tests of the real app: {@code try (var browser =
 * HeadlessChromium.start()) { browser.open(url); ... }}.
 *
 * <p>Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (or the {@code CHROME_BIN} and
 * {@code CHROMEDRIVER} environment variables) and never lets Selenium download a browser. When they are missing the
 * test is skipped with the reason, unless {@code BROWSER_TESTS_REQUIRED} is set (CI sets it, after installing them), in
 * which case it fails. Screenshots land in {@code target/screenshots}.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private HeadlessChromium(ChromeDriver driver) {
		this.driver = driver;
	}

	/** Starts a fresh browser with an empty profile, 1280x900 unless {@link #resize} says otherwise. */
	public static HeadlessChromium start() {
		Path browser = executable("CHROME_BIN", "/usr/bin/chromium");
		Path chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		// Without the background-networking switches Chromium keeps dialling out, which a closed network refuses.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--window-size=1280,900", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(new ChromeDriver(service, options));
	}

	private static Path executable(String variable, String debianPath) {
		String configured = System.getenv(variable);
		Path path = Path.of((configured != null && !configured.isBlank()) ? configured : debianPath);
		if (!Files.isExecutable(path)) {
			String reason = "No " + path + " (set " + variable + " or install Debian's chromium and chromium-driver)";
			if (System.getenv("BROWSER_TESTS_REQUIRED") != null) {
				throw new IllegalStateException(reason);
			}
			Assumptions.abort(reason);
		}
		return path;
	}

	/** The Selenium driver, for anything this class does not wrap. */
	public WebDriver driver() {
		return this.driver;
	}

	public HeadlessChromium open(String url) {
		this.driver.get(url);
		return this;
	}

	/** Sets the viewport width and height, e.g. 390x844 for a phone. */
	public HeadlessChromium resize(int width, int height) {
		this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
		return this;
	}

	/** Waits until the element is visible and returns it. */
	public WebElement visible(By locator) {
		return until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** Waits until the element is clickable and clicks it. */
	public void click(By locator) {
		until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	/** Fills in and sends the app's sign-in form (the page must be showing it) as the user "admin". */
	public void signInAsAdmin(String password) {
		signIn("admin", password);
	}

	/** Fills in and sends the app's sign-in form (the page must be showing it). */
	public void signIn(String username, String password) {
		visible(By.id("username")).sendKeys(username);
		driver().findElement(By.id("password")).sendKeys(password);
		click(By.id("sign-in"));
	}

	/** Waits up to 20 s for a condition, polling; fails with Selenium's timeout message. */

	public <T> T until(Function<WebDriver, T> condition) {
		return until(condition, DEFAULT_WAIT);
	}

	public <T> T until(Function<WebDriver, T> condition, Duration timeout) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(50)).until(condition::apply);
	}

	/** Saves a PNG of the viewport as {@code target/screenshots/<name>.png} and returns its path. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
