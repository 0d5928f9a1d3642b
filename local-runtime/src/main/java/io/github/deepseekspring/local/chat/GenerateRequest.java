package io.github.deepseekspring.local.chat;

import java.util.Map;
import java.util.Objects;

/**
 * A raw completion request ({@code /api/generate}, {@code /v1/completions}).
 * @param model model name; null: the runtime's default model
 * @param prompt the prompt (the code before the cursor for fill-in-the-middle)
 * @param suffix the code after the cursor for fill-in-the-middle, or null
 * @param system system prompt, or null
 * @param raw send the prompt without the model's template
 * @param options runtime options ({@code num_predict}, {@code temperature}, …)
 * @param keepAlive keep the model loaded this long, or null
 * @param affinityKey pool stickiness key, or null
 */
public record GenerateRequest(String model, String prompt, String suffix, String system, boolean raw,
		Map<String, Object> options, String keepAlive, String affinityKey) {

	public GenerateRequest {
		Objects.requireNonNull(prompt, "prompt");
		options = options == null ? Map.of() : Map.copyOf(options);
	}

	/** Plain completion of a prompt. */
	public static GenerateRequest of(String model, String prompt) {
		return new GenerateRequest(model, prompt, null, null, false, null, null, null);
	}

	/** Fill-in-the-middle between {@code prefix} and {@code suffix}, at most {@code maxTokens} tokens when not null. */
	public static GenerateRequest fillInMiddle(String model, String prefix, String suffix, Integer maxTokens) {
		return new GenerateRequest(model, prefix, suffix, null, false,
				maxTokens == null ? null : Map.of("num_predict", maxTokens), null, null);
	}

	public GenerateRequest withModel(String value) {
		return new GenerateRequest(value, prompt, suffix, system, raw, options, keepAlive, affinityKey);
	}

	public GenerateRequest withRaw(boolean value) {
		return new GenerateRequest(model, prompt, suffix, system, value, options, keepAlive, affinityKey);
	}

	public GenerateRequest withSystem(String value) {
		return new GenerateRequest(model, prompt, suffix, value, raw, options, keepAlive, affinityKey);
	}

	public GenerateRequest withKeepAlive(String value) {
		return new GenerateRequest(model, prompt, suffix, system, raw, options, value, affinityKey);
	}

}
