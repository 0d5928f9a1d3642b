package io.github.deepseekspring.model.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Applies a {@link PrivacyMode} to conversations: finds personal data in them and masks it in the text of system,
 * user, assistant and tool messages, in the arguments of tool calls and in reasoning sent back with them.
 */
public final class PromptPrivacy {

	// Off needs no detector until someone asks it to look: its patterns are not compiled at start-up.
	private static final PromptPrivacy OFF = new PromptPrivacy(PrivacyMode.OFF);

	private final PrivacyMode mode;

	private final PiiDetector detector;

	public PromptPrivacy(PrivacyMode mode, PiiDetector detector) {
		this.mode = Objects.requireNonNull(mode);
		this.detector = Objects.requireNonNull(detector);
	}

	private PromptPrivacy(PrivacyMode mode) {
		this.mode = mode;
		this.detector = null;
	}

	/** No privacy handling. */
	public static PromptPrivacy off() {
		return OFF;
	}

	public PrivacyMode mode() {
		return this.mode;
	}

	public PiiDetector detector() {
		return (this.detector != null) ? this.detector : PiiDetector.defaults();
	}

	/** Whether the mode asks for requests with personal data to stay on the local runtime, and these have some. */
	public boolean keepLocal(List<Message> messages) {
		return this.mode == PrivacyMode.LOCAL_ONLY && containsPii(messages);
	}

	/** Whether the mode asks for masking before requests go to the remote API. */
	public boolean masksRemote() {
		return this.mode == PrivacyMode.MASK;
	}

	/** Whether any message text (or tool call argument) holds personal data. */
	public boolean containsPii(List<Message> messages) {
		for (Message message : messages) {
			if (message instanceof ToolResponseMessage tool) {
				if (tool.getResponses().stream().anyMatch(r -> detector().containsPii(r.responseData()))) {
					return true;
				}
			}
			else if (detector().containsPii(message.getText())) {
				return true;
			}
			if (message instanceof AssistantMessage assistant && assistant.getToolCalls()
				.stream()
				.anyMatch(call -> detector().containsPii(call.arguments()))) {
				return true;
			}
		}
		return false;
	}

	/** The conversation with personal data masked; messages without any are kept as they are. */
	public List<Message> mask(List<Message> messages) {
		List<Message> masked = new ArrayList<>(messages.size());
		for (Message message : messages) {
			masked.add(mask(message));
		}
		return masked;
	}

	private Message mask(Message message) {
		if (message instanceof UserMessage user) {
			return user.mutate().text(maskText(user.getText())).build();
		}
		if (message instanceof SystemMessage system) {
			return system.mutate().text(maskText(system.getText())).build();
		}
		if (message instanceof AssistantMessage assistant) {
			return AssistantMessage.builder()
				.content(maskText(assistant.getText()))
				.properties(maskReasoning(assistant.getMetadata()))
				.media(assistant.getMedia())
				.toolCalls(assistant.getToolCalls()
					.stream()
					.map(c -> new AssistantMessage.ToolCall(c.id(), c.type(), c.name(), maskText(c.arguments())))
					.toList())
				.build();
		}
		if (message instanceof ToolResponseMessage tool) {
			return ToolResponseMessage.builder()
				.responses(tool.getResponses()
					.stream()
					.map(r -> new ToolResponseMessage.ToolResponse(r.id(), r.name(), maskText(r.responseData())))
					.toList())
				.metadata(tool.getMetadata())
				.build();
		}
		return message;
	}

	private java.util.Map<String, Object> maskReasoning(java.util.Map<String, Object> metadata) {
		if (!(metadata.get(DeepSeekMetadata.REASONING_CONTENT) instanceof String reasoning)) {
			return metadata;
		}
		java.util.Map<String, Object> masked = new java.util.LinkedHashMap<>(metadata);
		masked.put(DeepSeekMetadata.REASONING_CONTENT, detector().mask(reasoning));
		return masked;
	}

	private String maskText(String text) {
		return text == null ? null : detector().mask(text);
	}

}
