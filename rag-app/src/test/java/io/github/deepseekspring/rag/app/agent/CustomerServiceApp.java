package io.github.deepseekspring.rag.app.agent;

import java.nio.charset.StandardCharsets;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.rag.app.widget.HostPages;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as a customer-service team runs it: two support agents besides the admin, the chat widget allowed on one
 * other site ({@link HostPages}), the DeepSeek simulator as the model and a small knowledge base. The agent and widget
 * tests extend it, so they share one application context (the widget's allowed origin is only known once the host
 * pages run, and a dynamic property declared here, once, keeps the context key the same for all of them). It runs as
 * deployed behind a TLS proxy: a request may say {@code X-Forwarded-Proto: https}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.data-dir=target/support-tests/${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:support-${random.uuid};DB_CLOSE_DELAY=-1",
				"deepseek.rag.admin.password=" + CustomerServiceApp.ADMIN_PASSWORD,
				"deepseek.rag.security.secret=test-install-secret-not-for-production-use",
				"deepseek.rag.agents[0].username=li.na", "deepseek.rag.agents[0].password=" + CustomerServiceApp.PASSWORD,
				"deepseek.rag.agents[0].display-name=Li Na", "deepseek.rag.agents[1].username=wang.wei",
				"deepseek.rag.agents[1].password=" + CustomerServiceApp.PASSWORD,
				"deepseek.rag.agents[1].display-name=Wang Wei", "deepseek.rag.api-keys=support-test-key-not-secret",
				"deepseek.retry.max-attempts=1", "server.forward-headers-strategy=native",
				"deepseek.rag.agent-channel.poll-interval=100ms" })
@UseDeepSeekSimulator
public abstract class CustomerServiceApp {

	/** The agents' test password (both agents have it). */
	public static final String PASSWORD = "test-agent-password";

	public static final String ADMIN_PASSWORD = "test-admin-password";

	/** What the knowledge base knows. */
	public static final String WARRANTY = """
			# YF-Q7 travel router warranty

			The YF-Q7 travel router has a warranty of 30 months from the date of purchase. The power adapter is
			covered for 12 months. Keep the invoice: it is needed for any warranty repair.
			""";

	@Value("${local.server.port}")
	protected int port;

	@Autowired
	protected DeepSeekSimulator deepseek;

	@Autowired
	IngestionService ingestion;

	@DynamicPropertySource
	static void widgetSite(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.widget.allowed-origins", () -> HostPages.get().allowedOrigin());
	}

	@BeforeEach
	void knowledgeAndHostPages() {
		// The same content again is a no-op.
		this.ingestion.ingest(WARRANTY.getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, "yf-q7-warranty.md",
				"YF-Q7 travel router warranty");
		HostPages.embed(this.port);
	}

	@AfterEach
	void resetModel() {
		this.deepseek.reset();
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	protected SupportHttp agent(String username) {
		return SupportHttp.staff(this.port, username, PASSWORD);
	}

	protected SupportHttp admin() {
		return SupportHttp.staff(this.port, "admin", ADMIN_PASSWORD);
	}

	protected SupportHttp customer() {
		return SupportHttp.customer(this.port);
	}

}
