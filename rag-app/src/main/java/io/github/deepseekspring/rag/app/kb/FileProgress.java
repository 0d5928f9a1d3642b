package io.github.deepseekspring.rag.app.kb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of a {@code file} progress event, one shape for uploads and re-index so the knowledge-base page follows
 * both with one script: the file's place, the count, its name when known, then its state.
 */
final class FileProgress {

	private FileProgress() {
	}

	static Map<String, Object> of(int index, int total, String name, Map<String, Object> state) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("index", index);
		data.put("total", total);
		if (name != null) {
			data.put("name", name);
		}
		data.putAll(state);
		return data;
	}

}
