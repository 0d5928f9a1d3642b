package io.github.deepseekspring.model.routing;

import java.util.List;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * What a backend receives: the conversation, the merged options and the resolved tool definitions.
 */
public record BackendRequest(List<Message> messages, DeepSeekChatOptions options, List<ToolDefinition> tools) {

	public BackendRequest {
		messages = List.copyOf(messages);
		tools = tools == null ? List.of() : List.copyOf(tools);
	}

}
