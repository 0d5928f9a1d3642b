/**
 * Client of the DeepSeek HTTP API: wire records, SSE parsing tolerant of keep-alives, typed errors.
 */
package io.github.deepseekspring.model.api;
