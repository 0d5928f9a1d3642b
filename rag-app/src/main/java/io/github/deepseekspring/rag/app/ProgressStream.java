package io.github.deepseekspring.rag.app;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent events of a long task that the admin pages follow (re-index, model pull). The task goes on when
 * the page goes away: events are then dropped, not thrown, so the work is never left half done because nobody reads.
 */
public final class ProgressStream {

	private static final Logger logger = LoggerFactory.getLogger(ProgressStream.class);

	private final SseEmitter emitter = new SseEmitter(0L);

	private volatile boolean listening = true;

	/** The emitter to return from the handler; the task runs elsewhere and sends through this stream. */
	public SseEmitter emitter() {
		return this.emitter;
	}

	/** Sends an event, or nothing once the page went away. */
	public void send(String name, Map<String, Object> data) {
		if (!this.listening) {
			return;
		}
		try {
			this.emitter.send(SseEmitter.event().name(name).data(data));
		}
		catch (IOException | IllegalStateException ex) {
			logger.info("Progress no longer read ({}); the task goes on", ex.toString());
			this.listening = false;
		}
	}

	/** Ends the stream after the last event. */
	public void complete() {
		if (this.listening) {
			this.emitter.complete();
		}
	}

}
