/**
 * The DeepSeek API as a backend: request mapping (with the thinking-mode passback rule) and stream assembly.
 */
package io.github.deepseekspring.model.remote;
