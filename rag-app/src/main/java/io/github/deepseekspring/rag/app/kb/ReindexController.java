package io.github.deepseekspring.rag.app.kb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.app.ProgressStream;
import io.github.deepseekspring.rag.ingest.EmbeddingProgress;
import io.github.deepseekspring.rag.store.StoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Re-indexes the knowledge base with progress: every stored document is embedded again (after an embedding model was
 * changed or added), one at a time, reported as server-sent events in the upload's shape ({@code file} with
 * {@code started}, {@code done} or {@code failed}, then {@code done} with the counts), so the page shows per-document
 * and overall progress. One re-index at a time (409 meanwhile); it goes on when the page goes away.
 */
@RestController
class ReindexController {

	private static final Logger logger = LoggerFactory.getLogger(ReindexController.class);

	private final KnowledgeBase knowledgeBase;

	private final ReindexRun run;

	ReindexController(KnowledgeBase knowledgeBase, ReindexRun run) {
		this.knowledgeBase = knowledgeBase;
		this.run = run;
	}

	@PostMapping(path = "/api/kb/reindex", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter reindex() {
		if (!this.run.start()) {
			throw new ReindexRunningException();
		}
		ProgressStream stream = new ProgressStream();
		Thread.ofVirtual().name("kb-reindex").start(() -> {
			try {
				reindex(new Events(stream));
			}
			finally {
				this.run.finish();
			}
		});
		return stream.emitter();
	}

	private void reindex(Events events) {
		AtomicInteger current = new AtomicInteger(-1);
		AtomicInteger total = new AtomicInteger();
		AtomicInteger ok = new AtomicInteger();
		String failure = null;
		try {
			this.knowledgeBase.embedAgain(new EmbeddingProgress() {

				@Override
				public void started(int index, int count, StoredDocument document) {
					current.set(index);
					total.set(count);
					events.file(index, count, document.title(), Map.of("status", "started"));
				}

				@Override
				public void embedded(int index, int count, StoredDocument document, int chunks) {
					ok.incrementAndGet();
					events.file(index, count, document.title(), Map.of("status", "done", "chunks", chunks));
				}

			});
		}
		catch (RuntimeException ex) {
			// the embedding model failed: the documents done so far keep their new vectors, the rest their old ones
			logger.warn("Re-index stopped at document {} ({})", current.get() + 1, ex.toString());
			failure = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			if (current.get() >= 0) {
				events.file(current.get(), total.get(), null, Map.of("status", "failed", "message", failure));
			}
		}
		Map<String, Object> done = new LinkedHashMap<>(
				Map.of("total", total.get(), "ok", ok.get(), "failed", total.get() - ok.get()));
		if (failure != null) {
			done.put("message", failure);
		}
		events.done(done);
	}

	/** The events of one re-index, in the upload's shape. */
	private record Events(ProgressStream stream) {

		void file(int index, int total, String name, Map<String, Object> state) {
			this.stream.send("file", FileProgress.of(index, total, name, state));
		}

		void done(Map<String, Object> counts) {
			this.stream.send("done", counts);
			this.stream.complete();
		}

	}

}
