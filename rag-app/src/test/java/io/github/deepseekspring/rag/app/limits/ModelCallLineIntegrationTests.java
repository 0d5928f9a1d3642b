package io.github.deepseekspring.rag.app.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.rag.app.browser.HeadlessChromium;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line in front of the model, in the running app over real HTTP and in a real browser: one model call at a time,
 * one place in line. A customer beyond the cap sees its place, then its answer; one more is told the line is full
 * (503, {@code Retry-After}); a question the model need not answer takes no place; a wait that runs out ends the
 * stream with an error event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.data-dir=${java.io.tmpdir}/rag-model-line-${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:${random.uuid}", "deepseek.rag.admin.password=test-admin-password",
				"deepseek.rag.limits.concurrency.max-calls=1", "deepseek.rag.limits.concurrency.queue=1",
				"deepseek.rag.limits.concurrency.queue-timeout=3s", "deepseek.rag.limits.concurrency.retry-after=9s" })
@UseDeepSeekSimulator
class ModelCallLineIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SLOW = "Explain the YF-Q7 warranty in detail";

	@Value("${local.server.port}")
	int port;

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	ModelCallGate gate;

	@Autowired
	IngestionService ingestion;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void knowledge() {
		this.ingestion.ingest("""
				# YF-Q7 travel router warranty

				The YF-Q7 travel router has a warranty of 30 months from the date of purchase. The power adapter is
				covered for 12 months. Keep the invoice: it is needed for any warranty repair.
				""".getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, "yf-q7-warranty.md",
				"YF-Q7 travel router warranty");
		this.ingestion.ingest("""
				# Travel router FAQ

				## Q: Do students get a discount on the YF-Q7?

				Yes: students get 10% off the YF-Q7 with a valid student card.
				""".getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, "faq.md", "Travel router FAQ");
		this.deepseek.faults().tokenDelay(Duration.ofMillis(50));
	}

	private final List<Stream> streams = new ArrayList<>();

	@AfterEach
	void reset() throws IOException, InterruptedException {
		for (Stream stream : this.streams) {
			stream.body.close();
		}
		this.deepseek.reset();
		awaitIdle();
	}

	@Test
	void beyondTheCapACustomerSeesItsPlaceThenItsAnswerAndTheNextIsToldTheLineIsFull() throws Exception {
		this.deepseek.onUserMessage(SLOW, answer("The YF-Q7 warranty lasts 30 months [1]. ".repeat(2)));
		this.deepseek.onUserMessage("adapter", answer("The adapter is covered for 12 months [1]."));
		Stream first = Stream.open(this, SLOW + "?");
		first.awaitEvent("meta");
		Stream second = Stream.open(this, "How long is the YF-Q7 power adapter covered?");
		assertThat(second.next().name()).isEqualTo("queue");
		assertThat(second.last().data().path("position").asInt()).isEqualTo(1);

		HttpResponse<String> third = post("What does the YF-Q7 warranty need?");
		assertThat(third.statusCode()).isEqualTo(503);
		assertThat(third.headers().firstValue("Retry-After")).hasValue("9");
		assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(third.body()).path("status").asInt()).isEqualTo(503);

		// Answered from the FAQ, without the model, so without a place in line.
		HttpResponse<String> faq = post("Do students get a discount on the YF-Q7?");
		assertThat(faq.statusCode()).isEqualTo(200);
		assertThat(faq.body()).doesNotContain("event:queue").contains("\"mode\":\"faq\"");

		List<String> secondEvents = second.rest();
		assertThat(secondEvents).doesNotContain("error").contains("meta", "token").endsWith("citations", "done");
		assertThat(secondEvents.indexOf("meta")).isLessThan(secondEvents.indexOf("token"));
		assertThat(first.rest()).endsWith("citations", "done");
		awaitIdle();
	}

	@Test
	void aWaitThatRunsOutEndsTheStreamWithAnErrorEvent() throws Exception {
		// about 6 s of answer: the second customer's 3 s in line run out first
		this.deepseek.onUserMessage(SLOW, answer("The YF-Q7 warranty lasts 30 months [1]. ".repeat(12)));
		Stream first = Stream.open(this, SLOW + ", slowly.");
		first.awaitEvent("meta");
		Stream second = Stream.open(this, "How long is the YF-Q7 power adapter covered, roughly?");
		List<String> names = second.rest();
		assertThat(names).startsWith("queue").endsWith("error").doesNotContain("meta", "token");
		assertThat(second.last().data().path("message").asString()).contains("busy");
		assertThat(first.rest()).endsWith("done");
		awaitIdle();
	}

	@Test
	void theChatPageShowsThePlaceInLine() throws Exception {
		this.deepseek.onUserMessage(SLOW, answer("The YF-Q7 warranty lasts 30 months [1]. ".repeat(3)));
		this.deepseek.onUserMessage("adapter", answer("The adapter is covered for 12 months [1]."));
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.open("http://127.0.0.1:" + this.port + "/");
			browser.visible(By.id("question")).sendKeys("How long is the YF-Q7 power adapter covered?");
			Stream first = Stream.open(this, SLOW + " please");
			first.awaitEvent("meta");
			browser.click(By.id("send"));
			WebElement answer = browser.until((driver) -> driver.findElements(By.cssSelector("article.assistant"))
				.stream()
				.findFirst()
				.orElse(null));
			WebElement status = answer.findElement(By.cssSelector(".status"));
			browser.until((driver) -> status.getText().contains("number 1 in line"));
			browser.until((driver) -> answer.getAttribute("class").contains("done"), Duration.ofSeconds(60));
			assertThat(status.getText()).doesNotContain("in line");
			assertThat(answer.findElement(By.cssSelector(".answer")).getText()).contains("12 months");
			first.rest();
		}
		awaitIdle();
	}

	/** Reasoning of its own: the simulator's default reasoning repeats the whole prompt, token by token. */
	private static ScriptedReply answer(String text) {
		return ScriptedReply.text(text).withReasoning("Checking the passages.");
	}

	private HttpResponse<String> post(String question) throws IOException, InterruptedException {
		return this.http.send(request(question), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String question) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat/stream"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("message", question))))
			.build();
	}

	/** Slots and places come back once the responses are complete (asynchronously, just after the last byte). */
	private void awaitIdle() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while ((this.gate.inFlight() > 0 || this.gate.waiting() > 0) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.gate.inFlight()).isZero();
		assertThat(this.gate.waiting()).isZero();
	}

	record Event(String name, JsonNode data) {

	}

	/** A chat stream read on a thread of its own, event by event. */
	static final class Stream {

		private static final Event END = new Event("", null);

		private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

		private final InputStream body;

		private Event last;

		Stream(InputStream body) {
			this.body = body;
		}

		static Stream open(ModelCallLineIntegrationTests test, String question) throws Exception {
			HttpResponse<InputStream> response = test.http.send(test.request(question),
					HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			Stream stream = new Stream(response.body());
			test.streams.add(stream);
			Thread.ofVirtual().start(() -> stream.read(response.body()));
			return stream;
		}

		private void read(InputStream body) {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				String name = null;
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("data:") && name != null) {
						this.events.add(new Event(name, JSON.readTree(line.substring(5).strip())));
						name = null;
					}
				}
			}
			catch (IOException ex) {
				this.events.add(new Event("io-failure", null));
			}
			finally {
				this.events.add(END);
			}
		}

		Event next() throws InterruptedException {
			Event event = this.events.poll(60, TimeUnit.SECONDS);
			assertThat(event).as("an event within 60 s").isNotNull();
			this.last = event;
			return event;
		}

		Event last() {
			return this.last;
		}

		void awaitEvent(String name) throws InterruptedException {
			while (!next().name().equals(name)) {
				assertThat(this.last).isNotSameAs(END);
			}
		}

		/** The names of the remaining events, up to the end of the stream. */
		List<String> rest() throws InterruptedException {
			List<String> names = new ArrayList<>();
			Event event;
			Event previous = this.last;
			while ((event = next()) != END) {
				names.add(event.name());
				previous = event;
			}
			this.last = previous;
			return names;
		}

	}

}
