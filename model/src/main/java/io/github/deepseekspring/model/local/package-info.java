/**
 * A local runtime as a backend: reasoning split from {@code <think>} tags, capacity, local model names.
 */
package io.github.deepseekspring.model.local;
