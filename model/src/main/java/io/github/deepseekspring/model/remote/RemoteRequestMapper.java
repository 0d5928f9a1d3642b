package io.github.deepseekspring.model.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.deepseekspring.model.api.ChatCompletionRequest;
import io.github.deepseekspring.model.api.ChatCompletionRequest.ResponseFormat;
import io.github.deepseekspring.model.api.RequestMessage;
import io.github.deepseekspring.model.api.Tool;
import io.github.deepseekspring.model.api.ToolCall;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.image.ChatImage;
import io.github.deepseekspring.model.image.MessageImages;
import io.github.deepseekspring.model.routing.BackendRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;

/**
 * Builds the wire request from a conversation; which turns send their reasoning back is {@link ReasoningPassback}'s
 * rule.
 */
public final class RemoteRequestMapper {

	private static final Log logger = LogFactory.getLog(RemoteRequestMapper.class);

	private static final AtomicBoolean samplingWarned = new AtomicBoolean();

	private RemoteRequestMapper() {
	}

	/** The request for a backend request, using {@code defaultModel} when the options name none. */
	public static ChatCompletionRequest toRequest(BackendRequest request, String defaultModel) {
		DeepSeekChatOptions o = request.options();
		Double temperature = o.getTemperature();
		Double topP = o.getTopP();
		if (o.isThinkingEnabled() && (temperature != null || topP != null)) {
			if (samplingWarned.compareAndSet(false, true)) {
				logger.warn("temperature/top_p have no effect in DeepSeek thinking mode and are not sent; "
						+ "set thinking=false to use them (logged once)");
			}
			temperature = null;
			topP = null;
		}
		List<Tool> tools = request.tools().isEmpty() ? null : request.tools()
			.stream()
			.map(t -> o.isStrictTools() ? Tool.strictFunction(t.name(), t.description(), StrictSchemas.close(t.inputSchema()))
					: Tool.function(t.name(), t.description(), t.inputSchema()))
			.toList();
		List<RequestMessage> messages = toMessages(request.messages(), o.isThinkingEnabled());
		ResponseFormat format = o.getResponseFormat();
		if (o.getOutputSchema() != null) {
			// the API has JSON mode but no schema-constrained output: the schema goes into the prompt
			format = ResponseFormat.JSON_OBJECT;
			messages = withInstruction(messages, SCHEMA_INSTRUCTION + o.getOutputSchema() + "\n```");
		}
		return new ChatCompletionRequest(o.getModel() != null ? o.getModel() : defaultModel, messages,
				o.getThinking() == null ? null : ChatCompletionRequest.Thinking.of(o.getThinking()),
				o.getReasoningEffort(), o.getMaxTokens(), temperature, topP, o.getFrequencyPenalty(),
				o.getPresencePenalty(), emptyToNull(o.getStopSequences()), false, null, tools,
				tools == null ? null : o.getToolChoice(), format, o.getLogprobs(), o.getTopLogprobs());
	}

	/** Appended to the last user message when the options carry an output schema. */
	static final String SCHEMA_INSTRUCTION = "\n\nAnswer with a JSON object, and nothing else, that follows this JSON "
			+ "schema:\n```json\n";

	private static List<RequestMessage> withInstruction(List<RequestMessage> messages, String instruction) {
		List<RequestMessage> copy = new ArrayList<>(messages);
		for (int i = copy.size() - 1; i >= 0; i--) {
			RequestMessage message = copy.get(i);
			if ("user".equals(message.role())) {
				copy.set(i, message.withTextAppended(instruction));
				return copy;
			}
		}
		copy.add(RequestMessage.user(instruction.strip()));
		return copy;
	}

	/**
	 * The wire messages of a conversation, with reasoning passed back as {@link ReasoningPassback} says for a request
	 * in thinking mode or not.
	 */
	public static List<RequestMessage> toMessages(List<Message> messages, boolean thinking) {
		ReasoningPassback passback = ReasoningPassback.of(messages, thinking);
		List<RequestMessage> wire = new ArrayList<>(messages.size() + 2);
		for (int i = 0; i < messages.size(); i++) {
			Message message = messages.get(i);
			switch (message.getMessageType()) {
				case SYSTEM -> wire.add(RequestMessage.system(message.getText()));
				case USER -> wire.add(RequestMessage.user(message.getText(),
						MessageImages.of(message).stream().map(ChatImage::url).toList()));
				case ASSISTANT -> wire.add(assistant((AssistantMessage) message, i == messages.size() - 1,
						passback.reasoningFor(i, (AssistantMessage) message)));
				case TOOL -> ((ToolResponseMessage) message).getResponses()
					.forEach(r -> wire.add(RequestMessage.tool(r.id(), r.responseData())));
			}
		}
		return wire;
	}

	private static RequestMessage assistant(AssistantMessage message, boolean last, String reasoning) {
		List<ToolCall> toolCalls = null;
		if (message.hasToolCalls()) {
			toolCalls = message.getToolCalls()
				.stream()
				.map(call -> ToolCall.of(call.id(), call.name(), call.arguments()))
				.toList();
		}
		Boolean prefix = last && Boolean.TRUE.equals(message.getMetadata().get(DeepSeekMetadata.PREFIX)) ? true
				: null;
		String content = message.getText();
		if (content != null && content.isEmpty() && toolCalls != null) {
			content = null;
		}
		return new RequestMessage("assistant", RequestMessage.Content.text(content), reasoning, null, null, toolCalls,
				prefix);
	}

	private static List<String> emptyToNull(List<String> list) {
		return list == null || list.isEmpty() ? null : list;
	}

}
