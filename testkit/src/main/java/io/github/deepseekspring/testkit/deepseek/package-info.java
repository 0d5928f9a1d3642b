/** A simulator of the DeepSeek API: chat completions (thinking mode, tools, streaming, context cache), FIM, models and balance. */
package io.github.deepseekspring.testkit.deepseek;
