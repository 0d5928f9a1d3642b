package io.github.deepseekspring.rag.app.openai;

import tools.jackson.databind.JsonNode;

/**
 * OpenAI parameters this server cannot honour. They are refused (400, naming the parameter) rather than dropped:
 * a client that asks for two choices, an echoed prompt or (from a code completion) log probabilities reads fields
 * that would silently be missing from the answer. Chat completions return log probabilities.
 */
final class UnsupportedParameters {

	private UnsupportedParameters() {
	}

	/** What no completion here honours: several choices, an echoed prompt. */
	static void refuseChoicesAndEcho(JsonNode body) {
		if (isSet(body, "n") && !(body.get("n").canConvertToInt() && body.get("n").asInt() == 1)) {
			throw OpenAiException.invalid("n", "Only n=1 is supported by this server; send the request again for "
					+ "another choice.");
		}
		if (isSet(body, "best_of") && !(body.get("best_of").canConvertToInt() && body.get("best_of").asInt() == 1)) {
			throw OpenAiException.invalid("best_of", "Only best_of=1 is supported by this server.");
		}
		if (body.path("echo").asBoolean(false)) {
			throw OpenAiException.invalid("echo", "echo is not supported by this server.");
		}
	}

	/** What a code completion cannot honour besides: log probabilities (fill-in-the-middle returns none). */
	static void refuseForCodeCompletion(JsonNode body) {
		refuseChoicesAndEcho(body);
		JsonNode logprobs = body.get("logprobs");
		if (logprobs != null && (logprobs.asBoolean(false) || (logprobs.isNumber() && logprobs.asInt() > 0))) {
			throw OpenAiException.invalid("logprobs", "Code completions return no log probabilities.");
		}
	}

	private static boolean isSet(JsonNode body, String field) {
		return body.has(field) && !body.get(field).isNull();
	}

}
