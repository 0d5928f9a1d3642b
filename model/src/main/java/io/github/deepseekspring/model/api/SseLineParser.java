package io.github.deepseekspring.model.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the lines of a {@code text/event-stream} into events. Comment lines ({@code : keep-alive}) and blank lines
 * that end no event become {@link SseEvent#KEEP_ALIVE}: they carry no data but prove the server is alive. Not
 * thread-safe; one instance per stream.
 */
public final class SseLineParser {

	private final StringBuilder data = new StringBuilder();

	private boolean hasData;

	/**
	 * Feeds one line (without its terminator) and returns the events it completes (zero or one).
	 */
	public List<SseEvent> accept(String line) {
		if (line.endsWith("\r")) {
			line = line.substring(0, line.length() - 1);
		}
		if (line.isEmpty()) {
			if (!this.hasData) {
				return List.of(SseEvent.KEEP_ALIVE);
			}
			return List.of(flush());
		}
		if (line.charAt(0) == ':') {
			return List.of(SseEvent.KEEP_ALIVE);
		}
		if (line.startsWith("data:")) {
			String value = line.substring(5);
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			if (this.hasData) {
				this.data.append('\n');
			}
			this.data.append(value);
			this.hasData = true;
		}
		// event:, id:, retry: carry nothing DeepSeek uses
		return List.of();
	}

	/** Events still pending when the stream ended without a final blank line. */
	public List<SseEvent> finish() {
		List<SseEvent> events = new ArrayList<>(1);
		if (this.hasData) {
			events.add(flush());
		}
		return events;
	}

	private SseEvent flush() {
		String value = this.data.toString();
		this.data.setLength(0);
		this.hasData = false;
		return new SseEvent(value);
	}

	/**
	 * One server-sent event; {@code data == null} marks a keep-alive (comment or empty line).
	 */
	public record SseEvent(String data) {

		/** A comment or blank line: liveness, no content. */
		public static final SseEvent KEEP_ALIVE = new SseEvent(null);

		public boolean isKeepAlive() {
			return this.data == null;
		}

		public boolean isDone() {
			return "[DONE]".equals(this.data);
		}

	}

}
