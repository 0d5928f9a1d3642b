package io.github.deepseekspring.rag.app.widget;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.deepseekspring.rag.app.Problems;
import io.github.deepseekspring.rag.app.chat.ChatOwner;
import io.github.deepseekspring.rag.app.feedback.CustomerReference;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chat widget on other sites. {@code /widget.js} (a static file) asks {@code /widget/config} whether its page's
 * site may show the widget (CORS: only the allowed origins can read the answer) and for the bubble's texts, then
 * opens {@code /widget} in an iframe: the customer chat, framed only by the allowed sites. The host page passes a
 * language and a customer reference; both are checked here, and a bad one is dropped rather than breaking the chat a
 * customer is about to use (the script warns the page's developer in the console).
 */
@Controller
class WidgetController {

	private static final Map<String, Locale> LANGUAGES = Map.of("en", Locale.ENGLISH, "zh", Locale.CHINESE);

	private final WidgetOrigins origins;

	private final ChatOwner owners;

	private final MessageSource messages;

	WidgetController(WidgetOrigins origins, ChatOwner owners, MessageSource messages) {
		this.origins = origins;
		this.owners = owners;
		this.messages = messages;
	}

	/** The chat in the iframe; its cookie is one a third-party iframe keeps ({@link ChatOwner#embeddedOwnerHash}). */
	@GetMapping("/widget")
	String page(@RequestParam(required = false) String lang, @RequestParam(required = false) String customer,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		language(lang).ifPresent((locale) -> request.setAttribute(WidgetConfiguration.LOCALE_ATTRIBUTE, locale));
		this.owners.embeddedOwnerHash(request, response);
		model.addAttribute("widget", true);
		if (CustomerReference.valid(customer)) {
			model.addAttribute("customerRef", customer);
		}
		return "chat";
	}

	/** The bubble's texts, readable only by the allowed sites. */
	@GetMapping(path = "/widget/config", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> config(@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
			@RequestParam(required = false) String lang) {
		if (origin == null) {
			return problem(HttpStatus.BAD_REQUEST, "Origin missing",
					"The widget's settings are for widget.js on an allowed site, whose browser sends an Origin header");
		}
		if (!this.origins.allows(origin)) {
			return problem(HttpStatus.FORBIDDEN, "Site not allowed", "This site may not show the chat widget; the "
					+ "operator lists the sites that may in deepseek.rag.widget.allowed-origins");
		}
		Optional<Locale> locale = language(lang);
		if (lang != null && locale.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "Unknown language", "lang must be one of " + LANGUAGES.keySet());
		}
		Locale chosen = locale.orElse(Locale.ENGLISH);
		Map<String, String> texts = Map.of("open", text("widget.open", chosen), "close", text("widget.close", chosen),
				"title", text("app.name", chosen), "lang", chosen.getLanguage());
		return ResponseEntity.ok()
			.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
			.header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
			.cacheControl(CacheControl.noCache())
			.body(texts);
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

	private static Optional<Locale> language(String lang) {
		return Optional.ofNullable((lang != null) ? LANGUAGES.get(lang.toLowerCase(Locale.ROOT)) : null);
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
		return ResponseEntity.status(status)
			.header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(status, title, detail));
	}

}
