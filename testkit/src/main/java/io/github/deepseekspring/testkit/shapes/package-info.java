/**
 * Recorded answers of servers that speak DeepSeek's chat completions protocol (DeepSeek, gateways, vLLM, SGLang,
 * llama.cpp, Ollama) and a server that replays them, to test that a client reads them all.
 */
package io.github.deepseekspring.testkit.shapes;
