package io.github.deepseekspring.rag.app.kb;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.IngestionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Uploads many documents at once with progress: each file is ingested in turn through the knowledge base and
 * reported as server-sent events ({@code file} with {@code started}, {@code done} or {@code failed}, then
 * {@code done} with the counts), so the page shows per-file and overall progress. A file that cannot be read fails
 * alone; the others are still ingested.
 */
@RestController
class UploadProgressController {

	private static final Logger logger = LoggerFactory.getLogger(UploadProgressController.class);

	private final KnowledgeBase knowledgeBase;

	UploadProgressController(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@PostMapping(path = "/api/kb/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter upload(@RequestPart("files") List<MultipartFile> files) throws IOException {
		if (files.isEmpty() || files.stream().allMatch(MultipartFile::isEmpty)) {
			throw new IllegalArgumentException("Choose at least one file");
		}
		// Read before the request ends: the container may delete the parts once the handler returns.
		List<Upload> uploads = new java.util.ArrayList<>();
		for (MultipartFile file : files) {
			uploads.add(new Upload(UploadNames.baseName(file.getOriginalFilename()),
					DocumentFormat.detect(file.getOriginalFilename(), file.getContentType()), file.getBytes()));
		}
		SseEmitter emitter = new SseEmitter(0L);
		Thread.ofVirtual().name("kb-upload").start(() -> ingest(uploads, emitter));
		return emitter;
	}

	private void ingest(List<Upload> uploads, SseEmitter emitter) {
		int ok = 0;
		try {
			for (int i = 0; i < uploads.size(); i++) {
				Upload upload = uploads.get(i);
				emitter.send(SseEmitter.event()
					.name("file")
					.data(FileProgress.of(i, uploads.size(), upload.name(), Map.of("status", "started"))));
				Map<String, Object> result = new LinkedHashMap<>();
				try {
					DocumentFormat format = upload.format()
						.orElseThrow(() -> new IllegalArgumentException("not Markdown, HTML, PDF or plain text"));
					IngestionResult ingested = this.knowledgeBase.ingest(upload.content(), format, upload.name(),
							UploadNames.titleOf(upload.name()));
					result.put("status", "done");
					result.put("chunks", ingested.chunks());
					result.put("result", ingested.status().name().toLowerCase(java.util.Locale.ROOT));
					ok++;
				}
				catch (RuntimeException ex) {
					result.put("status", "failed");
					result.put("message", ex.getMessage());
				}
				emitter.send(SseEmitter.event()
					.name("file")
					.data(FileProgress.of(i, uploads.size(), upload.name(), result)));
			}
			emitter.send(SseEmitter.event().name("done").data(Map.of("total", uploads.size(), "ok", ok,
					"failed", uploads.size() - ok)));
			emitter.complete();
		}
		catch (IOException | IllegalStateException ex) {
			// the page went away: the files ingested so far stay
			logger.info("Upload progress no longer read ({})", ex.toString());
			emitter.completeWithError(ex);
		}
	}

	private record Upload(String name, Optional<DocumentFormat> format, byte[] content) {

	}

}
