package io.github.deepseekspring.rag.app.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The customer chat page and the staff's sign-in page. */
@Controller
class PageController {

	@GetMapping("/")
	String chat() {
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
