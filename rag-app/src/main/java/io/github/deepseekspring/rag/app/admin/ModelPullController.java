package io.github.deepseekspring.rag.app.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.deepseekspring.model.local.LocalModels;
import io.github.deepseekspring.rag.app.Problems;
import io.github.deepseekspring.rag.app.ProgressStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pulls a model onto the GPU runtime from the backend page, its download streamed as server-sent events
 * ({@code progress} with the status, bytes and percent of the layer downloading, then {@code done}, or {@code error}
 * with the runtime's message; the pull goes on when the page goes away). Through the starter's {@link LocalModels}: the app knows no runtime client. A name
 * that is not a model name answers 400, no configured runtime 409, both as problem details.
 */
@RestController
class ModelPullController {

	private static final Logger logger = LoggerFactory.getLogger(ModelPullController.class);

	/** Names as runtimes write them: {@code deepseek-r1:7b}, {@code library/qwen2.5:7b-instruct-q4_K_M}. */
	private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

	private final ObjectProvider<LocalModels> models;

	ModelPullController(ObjectProvider<LocalModels> models) {
		this.models = models;
	}

	/** The model to pull. */
	record PullRequest(String model) {

	}

	@PostMapping(path = "/api/admin/models/pull", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter pull(@RequestBody PullRequest request) {
		String model = (request.model() != null) ? request.model().strip() : "";
		if (!MODEL_NAME.matcher(model).matches()) {
			throw new BadModelNameException();
		}
		LocalModels local = this.models.getIfAvailable();
		if (local == null) {
			throw new NoLocalRuntimeException();
		}
		ProgressStream stream = new ProgressStream();
		Thread.ofVirtual().name("model-pull").start(() -> pull(local, model, stream));
		return stream.emitter();
	}

	/** Pulls to the end even when the page goes away: the runtime's download is not abandoned half done. */
	private static void pull(LocalModels local, String model, ProgressStream stream) {
		try {
			local.pull(model, (status) -> stream.send("progress", progress(status)));
			stream.send("done", Map.of("model", model));
		}
		catch (RuntimeException ex) {
			logger.warn("Pulling {} failed ({})", model, ex.toString());
			stream.send("error", Map.of("model", model, "message", String.valueOf(ex.getMessage())));
		}
		stream.complete();
	}

	private static Map<String, Object> progress(LocalModels.PullStatus status) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("status", status.status());
		data.put("completed", status.completedBytes());
		data.put("total", status.totalBytes());
		if (status.fraction() >= 0) {
			data.put("percent", Math.round(100 * status.fraction()));
		}
		return data;
	}

	@ExceptionHandler(BadModelNameException.class)
	ProblemDetail badName() {
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad model name",
				"Name the model as the runtime does, e.g. deepseek-r1:7b (letters, digits and . _ : / -)");
	}

	@ExceptionHandler(NoLocalRuntimeException.class)
	ProblemDetail noRuntime() {
		return Problems.of(HttpStatus.CONFLICT, "No GPU runtime",
				"No local runtime is configured: set deepseek.local.base-url to pull models onto it");
	}

	private static final class BadModelNameException extends RuntimeException {

	}

	private static final class NoLocalRuntimeException extends RuntimeException {

	}

}
