package io.github.deepseekspring.rag.app.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The customer chat page and the staff's sign-in page. */
@Controller
class PageController {

	/** Model attribute that keeps the page head from asking for a CSRF token (see fragments.html). */
	static final String WITHOUT_CSRF_TOKEN = "withoutCsrfToken";

	/**
	 * The chat page renders no CSRF token: the chat's calls ({@code /api/chat/**}) need none, and asking for one
	 * would give every visitor a server-side session, a database row per customer (and per bot) under Spring Session.
	 */
	@GetMapping("/")
	String chat(Model model) {
		model.addAttribute(WITHOUT_CSRF_TOKEN, true);
		return "chat";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/** Where signing in lands: the dashboard for the administrator, the inbox for a support agent. */
	@GetMapping("/admin")
	String admin(Authentication user) {
		boolean admin = user.getAuthorities().stream().anyMatch((role) -> "ROLE_ADMIN".equals(role.getAuthority()));
		return admin ? "redirect:/admin/dashboard" : "redirect:/admin/inbox";
	}

}
