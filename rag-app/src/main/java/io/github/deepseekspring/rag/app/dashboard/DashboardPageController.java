package io.github.deepseekspring.rag.app.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard page: charts and tables that dashboard.js fills from {@code /api/admin/analytics}. */
@Controller
class DashboardPageController {

	@GetMapping("/admin/dashboard")
	String dashboard() {
		return "admin/dashboard";
	}

}
