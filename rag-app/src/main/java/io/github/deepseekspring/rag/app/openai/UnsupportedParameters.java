package io.github.deepseekspring.rag.app.openai;

import tools.jackson.databind.JsonNode;

/**
 * OpenAI parameters this server cannot honour. They are refused (400, naming the parameter) rather than dropped:
 * a client that asks for two choices, log probabilities or an echoed prompt reads fields that would silently be
 * missing from the answer.
 */
final class UnsupportedParameters {

	private UnsupportedParameters() {
	}

	static void refuse(JsonNode body) {
		if (isSet(body, "n") && !(body.get("n").canConvertToInt() && body.get("n").asInt() == 1)) {
			throw OpenAiException.invalid("n", "Only n=1 is supported by this server; send the request again for "
					+ "another choice.");
		}
		if (isSet(body, "best_of") && !(body.get("best_of").canConvertToInt() && body.get("best_of").asInt() == 1)) {
			throw OpenAiException.invalid("best_of", "Only best_of=1 is supported by this server.");
		}
		for (String field : new String[] { "logprobs", "top_logprobs" }) {
			JsonNode value = body.get(field);
			if (value != null && (value.asBoolean(false) || (value.isNumber() && value.asInt() > 0))) {
				throw OpenAiException.invalid(field, "Log probabilities are not supported by this server.");
			}
		}
		if (body.path("echo").asBoolean(false)) {
			throw OpenAiException.invalid("echo", "echo is not supported by this server.");
		}
	}

	private static boolean isSet(JsonNode body, String field) {
		return body.has(field) && !body.get(field).isNull();
	}

}
