package io.github.deepseekspring.rag.app.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The admin report pages: feedback, tickets, unanswered questions and backend status. Each page is a table that
 * admin.js fills from the admin JSON API ({@code /api/admin/*}), so the pages and the API show the same data.
 */
@Controller
class AdminReportController {

	private final MessageSource messages;

	AdminReportController(MessageSource messages) {
		this.messages = messages;
	}

	@GetMapping("/admin/{page:feedback|tickets|unanswered|backend|cache}")
	String report(@PathVariable String page, Model model, Locale locale) {
		model.addAttribute("page", page);
		model.addAttribute("title", this.messages.getMessage("admin.nav." + page, null, locale));
		return "admin/report";
	}

}
