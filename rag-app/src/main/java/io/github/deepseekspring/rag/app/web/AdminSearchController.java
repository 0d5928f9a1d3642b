package io.github.deepseekspring.rag.app.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import io.github.deepseekspring.rag.retrieval.SearchMode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Hit testing: one question through BM25, vector and hybrid retrieval, side by side. */
@Controller
class AdminSearchController {

	private static final int MAX_K = 20;

	private final HybridRetriever retriever;

	AdminSearchController(HybridRetriever retriever) {
		this.retriever = retriever;
	}

	@GetMapping("/admin/search")
	String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "5") String k, Model model) {
		int limit = parseLimit(k);
		model.addAttribute("q", q);
		model.addAttribute("k", limit);
		if (q == null || q.isBlank()) {
			return "admin/search";
		}
		try {
			Map<String, List<SearchHit>> results = new LinkedHashMap<>();
			for (SearchMode mode : List.of(SearchMode.BM25, SearchMode.VECTOR, SearchMode.HYBRID)) {
				results.put(mode.name().toLowerCase(Locale.ROOT), this.retriever.search(q, limit, mode));
			}
			model.addAttribute("results", results);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "admin/search";
	}

	private static int parseLimit(String k) {
		try {
			return Math.clamp(Integer.parseInt(k.strip()), 1, MAX_K);
		}
		catch (NumberFormatException ex) {
			return 5;
		}
	}

}
