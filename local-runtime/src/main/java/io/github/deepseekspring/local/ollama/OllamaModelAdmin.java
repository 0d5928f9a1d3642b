package io.github.deepseekspring.local.ollama;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.deepseekspring.local.ServerErrorException;
import io.github.deepseekspring.local.models.ModelDetails;
import io.github.deepseekspring.local.models.ModelInfo;
import io.github.deepseekspring.local.models.PullProgress;
import io.github.deepseekspring.local.models.RunningModel;
import io.github.deepseekspring.local.ollama.OllamaWire.Details;
import io.github.deepseekspring.local.ollama.OllamaWire.ModelName;
import io.github.deepseekspring.local.ollama.OllamaWire.PullBody;
import io.github.deepseekspring.local.ollama.OllamaWire.PullLine;
import io.github.deepseekspring.local.transport.EndpointPaths;
import io.github.deepseekspring.local.transport.HttpTransport;
import io.github.deepseekspring.local.transport.WireJson;
import io.github.deepseekspring.local.transport.LineStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/** Model management on Ollama: tags, show, pull with progress, delete, ps, version. */
final class OllamaModelAdmin {

	private static final ObjectReader PULL_LINE = WireJson.MAPPER.readerFor(PullLine.class);

	private final HttpTransport http;

	OllamaModelAdmin(HttpTransport http) {
		this.http = http;
	}

	List<ModelInfo> tags(URI endpoint) {
		OllamaWire.Tags tags = WireJson.read(get(endpoint, "/api/tags"), OllamaWire.Tags.class);
		List<ModelInfo> models = new ArrayList<>();
		for (OllamaWire.Tag tag : tags.models() == null ? List.<OllamaWire.Tag>of() : tags.models()) {
			Details details = tag.details() == null ? new Details(null, null, null) : tag.details();
			models.add(new ModelInfo(tag.name(), tag.size(), tag.digest(), details.family(), details.parameterSize(),
					details.quantizationLevel()));
		}
		return models;
	}

	ModelDetails show(URI endpoint, String model) {
		JsonNode json = http.call("POST", EndpointPaths.join(endpoint, "/api/show"), new ModelName(model), model,
				http.timeouts().request());
		OllamaWire.ShowReply reply = WireJson.read(json, OllamaWire.ShowReply.class);
		Details details = reply.details() == null ? new Details(null, null, null) : reply.details();
		return new ModelDetails(model, reply.capabilities(), infoSuffix(reply.modelInfo(), ".context_length"),
				infoSuffix(reply.modelInfo(), ".embedding_length"), details.family(), details.parameterSize(),
				details.quantizationLevel());
	}

	void pull(URI endpoint, String model, Consumer<PullProgress> progress) {
		try (LineStream lines = http.stream(EndpointPaths.join(endpoint, "/api/pull"), new PullBody(model, true), model)) {
			for (String line = lines.next(); line != null; line = lines.next()) {
				PullLine report = WireJson.read(PULL_LINE, line);
				if (report.error() != null) {
					throw new ServerErrorException(500, "pull of " + model + " failed: " + report.error());
				}
				progress.accept(new PullProgress(endpoint.toString(), report.status(), report.digest(),
						report.completed(), report.total()));
				if ("success".equals(report.status())) {
					return;
				}
			}
		}
		throw new ServerErrorException(0, "pull of " + model + " ended without success");
	}

	void delete(URI endpoint, String model) {
		http.call("DELETE", EndpointPaths.join(endpoint, "/api/delete"), new ModelName(model), model,
				http.timeouts().request());
	}

	List<RunningModel> ps(URI endpoint) {
		OllamaWire.Ps ps = WireJson.read(get(endpoint, "/api/ps"), OllamaWire.Ps.class);
		List<RunningModel> running = new ArrayList<>();
		for (OllamaWire.Loaded loaded : ps.models() == null ? List.<OllamaWire.Loaded>of() : ps.models()) {
			Instant expires = loaded.expiresAt() == null ? null : OffsetDateTime.parse(loaded.expiresAt()).toInstant();
			running.add(new RunningModel(loaded.name(), loaded.size(), loaded.sizeVram(), expires, loaded.contextLength()));
		}
		return running;
	}

	String version(URI endpoint) {
		return get(endpoint, "/api/version").path("version").asString("");
	}

	private JsonNode get(URI endpoint, String path) {
		// admin reads answer at once: a box that does not answer within the first-token limit counts as down
		return http.call("GET", EndpointPaths.join(endpoint, path), null, null, http.timeouts().firstToken());
	}

	/** {@code model_info} keys are prefixed by the architecture, e.g. {@code qwen2.context_length}. */
	private static Integer infoSuffix(JsonNode info, String suffix) {
		if (info == null) {
			return null;
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = info.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			if (entry.getKey().endsWith(suffix) && entry.getValue().isNumber()) {
				return entry.getValue().asInt();
			}
		}
		return null;
	}

}
