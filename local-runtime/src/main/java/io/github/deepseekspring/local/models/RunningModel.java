package io.github.deepseekspring.local.models;

import java.time.Instant;

/**
 * A model loaded in memory ({@code /api/ps}).
 * @param name model name
 * @param sizeBytes memory size
 * @param sizeVramBytes part of it in GPU memory
 * @param expiresAt when it unloads, or null
 * @param contextLength loaded context length, or null
 */
public record RunningModel(String name, long sizeBytes, long sizeVramBytes, Instant expiresAt, Integer contextLength) {
}
