package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message as the API answers it: the message of a whole answer, or a streamed {@code delta}. (Requests send
 * {@link RequestMessage}s.)
 *
 * @param role system, user, assistant or tool
 * @param content the text (may be null for assistant turns that only call tools)
 * @param reasoningContent DeepSeek's thinking-mode reasoning ({@code reasoning} as Ollama's OpenAI endpoint names it)
 * @param name optional participant name
 * @param toolCallId for {@code tool} messages: the call being answered
 * @param toolCalls for assistant messages: the tools the model asked to call
 * @param prefix for the last assistant message: continue from this prefix (beta prefix completion)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMessage(String role, String content,
		@JsonProperty("reasoning_content") @JsonAlias("reasoning") String reasoningContent, String name,
		@JsonProperty("tool_call_id") String toolCallId, @JsonProperty("tool_calls") List<ToolCall> toolCalls,
		Boolean prefix) {

}
