package io.github.deepseekspring.rag.app.cache;

import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator sees the cached answers and purges one or all. */
@RestController
@RequestMapping("/api/admin/cache")
class AnswerCacheController {

	private static final int LIMIT = 500;

	private final AnswerCache cache;

	AnswerCacheController(AnswerCache cache) {
		this.cache = cache;
	}

	@GetMapping
	List<CacheEntry> entries() {
		return this.cache.entries(LIMIT);
	}

	@DeleteMapping("/{entryId}")
	ResponseEntity<?> purge(@PathVariable String entryId) {
		if (!this.cache.purge(entryId)) {
			ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "Cache entry not found", "No cache entry " + entryId);
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping
	Map<String, Integer> purgeAll() {
		return Map.of("purged", this.cache.purgeAll());
	}

}
