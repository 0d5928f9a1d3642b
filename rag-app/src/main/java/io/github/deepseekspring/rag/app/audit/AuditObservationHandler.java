package io.github.deepseekspring.rag.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.rag.app.logging.RequestMdc;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Appends an {@link AuditRecord} for every chat model call, streamed or not, from Spring AI's chat model observation
 * (which the DeepSeek chat model emits). The request id and caller come from the logging context of the thread that
 * starts the call. A failure to write the row is logged and does not fail the call.
 */
public class AuditObservationHandler implements ObservationHandler<ChatModelObservationContext> {

	private static final Log logger = LogFactory.getLog(AuditObservationHandler.class);

	private final AuditLog log;

	private final Clock clock;

	public AuditObservationHandler(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	private record Start(Instant at, long nanos, String requestId, String callerId) {

	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		context.put(Start.class, new Start(this.clock.instant(), System.nanoTime(), MDC.get(RequestMdc.REQUEST_ID),
				MDC.get(RequestMdc.CALLER_ID)));
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		AuditRecord record = record(context);
		logCall(record);
		try {
			this.log.append(record);
		}
		catch (RuntimeException ex) {
			logger.warn("Audit row for a model call not written: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * One INFO line per model call without any text: in structured logs its key-value pairs become fields (the
	 * request id is repeated because a stream ends on another thread than the request's).
	 */
	private static void logCall(AuditRecord r) {
		org.slf4j.spi.LoggingEventBuilder line = calls.atInfo();
		// fields the logging context (MDC) does not carry already, so JSON lines have no duplicate keys
		if (MDC.get(RequestMdc.REQUEST_ID) == null) {
			line = line.addKeyValue(RequestMdc.REQUEST_ID, r.requestId());
		}
		if (MDC.get(RequestMdc.CONVERSATION_ID) == null) {
			line = line.addKeyValue(RequestMdc.CONVERSATION_ID, r.conversationId());
		}
		line.addKeyValue("backend", r.backend())
			.addKeyValue("model", r.model())
			.addKeyValue("promptTokens", r.promptTokens())
			.addKeyValue("completionTokens", r.completionTokens())
			.addKeyValue("latencyMs", r.durationMs())
			.addKeyValue("outcome", r.outcome())
			.log("model call {} {} {} ms {}", r.backend(), r.model(), r.durationMs(), r.outcome());
	}

	private static final org.slf4j.Logger calls = org.slf4j.LoggerFactory.getLogger("deepseek.rag.model-calls");

	AuditRecord record(ChatModelObservationContext context) {
		Start start = context.getOrDefault(Start.class, new Start(this.clock.instant(), System.nanoTime(), null, null));
		ChatResponse response = context.getResponse();
		String streamed = context.get(DeepSeekMetadata.OBSERVED_STREAM_TEXT);
		String output = (streamed != null) ? streamed
				: (response != null && response.getResult() != null) ? response.getResult().getOutput().getText()
						: null;
		String backend = null;
		if (response != null && response.getResult() != null
				&& response.getResult().getOutput().getMetadata().get(DeepSeekMetadata.BACKEND) instanceof String b) {
			backend = b;
		}
		String model = (response != null && response.getMetadata().getModel() != null
				&& !response.getMetadata().getModel().isEmpty()) ? response.getMetadata().getModel()
						: (context.getRequest().getOptions() != null) ? context.getRequest().getOptions().getModel() : null;
		DeepSeekUsage usage = (response != null && response.getMetadata().getUsage() instanceof DeepSeekUsage u) ? u
				: null;
		String conversationId = (context.getRequest().getOptions() instanceof DeepSeekChatOptions options)
				? options.getConversationId() : null;
		return new AuditRecord(start.at(), start.requestId(), start.callerId(), conversationId,
				context.isStreaming() ? "stream" : "call", backend, model,
				(usage != null) ? usage.promptTokens() : null, (usage != null) ? usage.completionTokens() : null,
				(usage != null) ? usage.cacheHitTokens() : null, (usage != null) ? usage.costCny() : null,
				sha256(input(context)), (output != null) ? sha256(output) : null, outcome(context),
				(System.nanoTime() - start.nanos()) / 1_000_000, imageDigests(context));
	}

	private static String input(ChatModelObservationContext context) {
		StringBuilder text = new StringBuilder();
		for (Message message : context.getRequest().getInstructions()) {
			text.append(message.getMessageType().getValue()).append('\n').append(message.getText()).append("\n\n");
		}
		return text.toString();
	}

	/** The SHA-256 of each image the call carried, comma-separated; null for none. Never the image. */
	private static String imageDigests(ChatModelObservationContext context) {
		java.util.List<String> digests = new java.util.ArrayList<>();
		for (Message message : context.getRequest().getInstructions()) {
			if (message instanceof org.springframework.ai.content.MediaContent content && content.getMedia() != null) {
				for (org.springframework.ai.content.Media media : content.getMedia()) {
					if (media.getData() instanceof byte[] bytes) {
						digests.add(HexFormat.of().formatHex(digest(bytes)));
					}
				}
			}
		}
		return digests.isEmpty() ? null : String.join(",", digests);
	}

	private static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static String outcome(ChatModelObservationContext context) {
		if (context.getError() != null) {
			String name = "error:" + context.getError().getClass().getSimpleName();
			return name.length() > 120 ? name.substring(0, 120) : name;
		}
		return "cancel".equals(context.get(DeepSeekMetadata.OBSERVED_STREAM_END)) ? "cancelled" : "ok";
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
