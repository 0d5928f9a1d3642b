package io.github.deepseekspring.rag.app.agent;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The agent inbox page: tickets and who holds them, a ticket's transcript and live channel, the reply box with
 * knowledge-base search, and "save as FAQ". {@code inbox.js} does the work against {@code /api/agent/**}.
 */
@Controller
class InboxPageController {

	@GetMapping("/admin/inbox")
	String inbox() {
		return "admin/inbox";
	}

}
