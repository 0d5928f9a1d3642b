package io.github.deepseekspring.rag.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The customer chat page and the administrator's sign-in page. */
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

	@GetMapping("/admin")
	String admin() {
		return "redirect:/admin/dashboard";
	}

}
