package io.github.deepseekspring.local.models;

/**
 * A model installed on a runtime ({@code /api/tags}, {@code /v1/models}).
 * @param name model name, e.g. {@code deepseek-r1:7b}
 * @param sizeBytes size on disk, 0 when unknown
 * @param digest content digest, or null
 * @param family model family, or null
 * @param parameterSize e.g. {@code 7.6B}, or null
 * @param quantization e.g. {@code Q4_K_M}, or null
 */
public record ModelInfo(String name, long sizeBytes, String digest, String family, String parameterSize,
		String quantization) {
}
