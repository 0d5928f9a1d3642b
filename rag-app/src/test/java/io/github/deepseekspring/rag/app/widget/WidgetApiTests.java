package io.github.deepseekspring.rag.app.widget;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.agent.CustomerServiceApp;
import io.github.deepseekspring.rag.app.agent.SupportHttp;
import io.github.deepseekspring.rag.app.agent.SupportHttp.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the widget's endpoints promise a host site and its visitors: the iframe page framed only by the allowed sites
 * (every other page keeps refusing frames), a cookie that a third-party iframe keeps over HTTPS, settings readable
 * only by the allowed sites, a script within its size budget, and what the host page passes checked.
 */
class WidgetApiTests extends CustomerServiceApp {

	@Test
	void onlyTheWidgetPageMayBeFramedAndOnlyByTheAllowedSites() {
		Reply widget = customer().get("/widget").assertStatus(200);
		String policy = widget.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("frame-ancestors " + HostPages.get().allowedOrigin())
			.doesNotContain(HostPages.get().refusedOrigin())
			.contains("default-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(widget.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(widget.text()).contains("class=\"chat-page widget\"", "id=\"widget-close\"");

		for (String page : List.of("/", "/login", "/js/chat.js", "/api/agent/tickets")) {
			Reply other = customer().get(page);
			assertThat(other.headers().firstValue("X-Frame-Options")).as(page).contains("DENY");
			assertThat(other.headers().firstValue("Content-Security-Policy").orElseThrow()).as(page)
				.contains("frame-ancestors 'none'");
		}
	}

	@Test
	void theWidgetsCookieIsPartitionedForThirdPartyIframesOverHttps() {
		String secure = customer().get("/widget", "X-Forwarded-Proto", "https")
			.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(secure).startsWith("__Host-DSRAG_CHAT=").contains("Secure", "HttpOnly", "SameSite=None",
				"Partitioned", "Path=/");
		// Browsers refuse SameSite=None without Secure: over plain HTTP the cookie stays Lax (same-site pages only).
		String plain = customer().get("/widget").headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(plain).startsWith("DSRAG_CHAT=").contains("SameSite=Lax").doesNotContain("Partitioned");
		// The app's own chat page keeps its first-party cookie.
		String firstParty = customer().chat(null, "How long is the YF-Q7 warranty?")
			.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(firstParty).contains("SameSite=Lax").doesNotContain("Partitioned");
	}

	@Test
	void theHostPageChoosesTheLanguageAndPassesAReferenceThatIsOnlyDisplayed() {
		assertThat(customer().get("/widget?lang=zh").text()).contains("转人工客服", "lang=\"zh\"");
		assertThat(customer().get("/widget?lang=en&customer=A-1024").text()).contains("Talk to a human",
				"data-customer-ref=\"A-1024\"");
		// A bad value is dropped, not turned into an error inside a customer's chat.
		assertThat(customer().get("/widget?lang=klingon").assertStatus(200).text()).contains("Talk to a human");
		Reply hostile = customer().get("/widget?customer=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").assertStatus(200);
		assertThat(hostile.text()).doesNotContain("data-customer-ref").doesNotContain("<img src=x");
		assertThat(customer().get("/widget?customer=" + "9".repeat(65)).text()).doesNotContain("data-customer-ref");
	}

	@Test
	void theReferenceReachesTheAgentWithTheTicketAndABadOneIsRefused() {
		SupportHttp visitor = customer();
		String conversationId = visitor.chat(null, "How long is the YF-Q7 warranty?").body().path("conversationId")
			.asString();
		String handoff = "/api/chat/" + conversationId + "/handoff";
		visitor.post(handoff, Map.of("customerRef", "<b>VIP</b>")).assertProblem(400);
		visitor.post(handoff, Map.of("customerRef", "A".repeat(65))).assertProblem(400);
		String ticketId = visitor.post(handoff, Map.of("customerRef", "Order #A-1024")).assertStatus(201).body()
			.path("ticketId").asString();
		// Asking again while the first request waits gives the same ticket.
		assertThat(visitor.post(handoff, Map.of()).body().path("ticketId").asString()).isEqualTo(ticketId);
		JsonNode tickets = agent("li.na").get("/api/agent/tickets").body();
		assertThat(tickets.toString()).contains("\"customerRef\":\"Order #A-1024\"");
	}

	@Test
	void onlyTheAllowedSitesReadTheWidgetsSettings() {
		String allowed = HostPages.get().allowedOrigin();
		Reply settings = customer().get("/widget/config?lang=zh", "Origin", allowed).assertStatus(200);
		assertThat(settings.headers().firstValue("Access-Control-Allow-Origin")).contains(allowed);
		// field names are case-insensitive; with compression on, Tomcat merges Vary into lower case
		assertThat(settings.headers().allValues("Vary").toString()).containsIgnoringCase("Origin");
		assertThat(settings.body().path("open").asString()).isEqualTo("在线客服");
		assertThat(settings.body().path("lang").asString()).isEqualTo("zh");

		Reply refused = customer().get("/widget/config", "Origin", HostPages.get().refusedOrigin()).assertProblem(403);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		customer().get("/widget/config", "Origin", "null").assertProblem(403);
		customer().get("/widget/config").assertProblem(400);
		customer().get("/widget/config?lang=fr", "Origin", allowed).assertProblem(400);
	}

	@Test
	void theScriptStaysWithinItsBudget() {
		Reply script = customer().get("/widget.js").assertStatus(200);
		assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
		assertThat(script.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(15 * 1024);
		assertThat(script.text()).doesNotContain("import ").doesNotContain("require(");
	}

}
