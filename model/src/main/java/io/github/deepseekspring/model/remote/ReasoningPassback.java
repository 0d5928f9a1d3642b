package io.github.deepseekspring.model.remote;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;

/**
 * Which assistant turns of a history carry their reasoning back to the API, by DeepSeek's thinking-mode rule: between
 * two user messages, if the model called tools, every assistant turn there (the tool-calling ones and the answer
 * after the results) must send its {@code reasoning_content} in every later request, or the API answers 400; where
 * the model called no tools, reasoning is ignored by the API and not sent.
 * <p>
 * A history written elsewhere (chat memory filled by another model, a local runtime before a failover, a client of
 * the {@code /v1} facade that drops reasoning, an older version of this client) can hold such a turn without any
 * reasoning. It is sent with an empty {@code reasoning_content}: the API accepts an empty one, the request keeps
 * thinking mode and the new answer its reasoning, and nothing of the history is lost. The other repair, switching
 * thinking off for that request, would cost the new answer its reasoning and change how the model answers, so it is
 * not used. Outside thinking mode no turn is repaired.
 */
final class ReasoningPassback {

	private static final Log logger = LogFactory.getLog(ReasoningPassback.class);

	private static final AtomicBoolean repairLogged = new AtomicBoolean();

	private final boolean[] inToolSegment;

	private final boolean thinking;

	private ReasoningPassback(boolean[] inToolSegment, boolean thinking) {
		this.inToolSegment = inToolSegment;
		this.thinking = thinking;
	}

	/** The rule applied to one history, for a request with thinking on or off. */
	static ReasoningPassback of(List<Message> messages, boolean thinking) {
		boolean[] inToolSegment = new boolean[messages.size()];
		int segmentStart = 0;
		for (int i = 0; i <= messages.size(); i++) {
			if (i == messages.size() || messages.get(i).getMessageType() == MessageType.USER) {
				boolean calledTools = false;
				for (int j = segmentStart; j < i; j++) {
					calledTools |= messages.get(j) instanceof AssistantMessage assistant && assistant.hasToolCalls();
				}
				for (int j = segmentStart; j < i; j++) {
					inToolSegment[j] = calledTools;
				}
				segmentStart = i + 1;
			}
		}
		return new ReasoningPassback(inToolSegment, thinking);
	}

	/** The {@code reasoning_content} to send with the assistant turn at {@code index}, or {@code null} for none. */
	String reasoningFor(int index, AssistantMessage turn) {
		if (!this.inToolSegment[index]) {
			return null;
		}
		String reasoning = DeepSeekMetadata.reasoning(turn).orElse(null);
		if (reasoning != null || !this.thinking) {
			return reasoning;
		}
		if (repairLogged.compareAndSet(false, true)) {
			logger.info("A tool-calling turn of the conversation carries no reasoning (written by another model, a "
					+ "local runtime or a client that drops it); it is sent with an empty reasoning_content, as "
					+ "thinking mode requires (logged once)");
		}
		return "";
	}

}
