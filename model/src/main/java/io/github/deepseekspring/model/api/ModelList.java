package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code GET /models}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelList(String object, List<ModelInfo> data) {

	/** One available model. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ModelInfo(String id, String object, @JsonProperty("owned_by") String ownedBy) {
	}

}
