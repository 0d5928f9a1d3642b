/**
 * Offline test support for the DeepSeek Spring starter: protocol simulators of the DeepSeek API
 * ({@link io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator}) and of an Ollama server
 * ({@link io.github.deepseekspring.testkit.ollama.OllamaSimulator}), with scripted answers
 * ({@link io.github.deepseekspring.testkit.ScriptedReply}), fault injection
 * ({@link io.github.deepseekspring.testkit.fault.FaultInjector}) and a request log
 * ({@link io.github.deepseekspring.testkit.RequestLog}) to assert on.
 */
package io.github.deepseekspring.testkit;
