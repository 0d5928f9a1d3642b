package io.github.deepseekspring.rag.app.openai;

import java.util.List;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * A chat completions request as the facade understands it.
 *
 * @param model the requested model name
 * @param messages the conversation
 * @param options DeepSeek options read from the request (model included)
 * @param stream whether to answer as a stream of chunks
 * @param includeUsage whether a stream ends with a usage chunk ({@code stream_options.include_usage})
 */
record FacadeRequest(String model, List<Message> messages, DeepSeekChatOptions options, boolean stream,
		boolean includeUsage) {

	/** Whether a user message carries images. */
	boolean hasImages() {
		return this.messages.stream()
			.anyMatch(message -> message instanceof UserMessage user && !user.getMedia().isEmpty());
	}

	/** The text of the last user message, or empty. */
	String lastUserText() {
		for (int i = this.messages.size() - 1; i >= 0; i--) {
			if (this.messages.get(i).getMessageType() == MessageType.USER) {
				return this.messages.get(i).getText();
			}
		}
		return "";
	}

}
