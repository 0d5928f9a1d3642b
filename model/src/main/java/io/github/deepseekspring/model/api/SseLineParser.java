package io.github.deepseekspring.model.api;

import java.util.Arrays;

/**
 * Turns the lines of a {@code text/event-stream} into events. Comment lines ({@code : keep-alive}) and blank lines
 * that end no event are keep-alives: they carry no data but prove the server is alive. Works on bytes, so the data
 * of an event reaches the JSON parser without being decoded to a string first. Not thread-safe; one instance per
 * stream.
 */
final class SseLineParser implements LineSplitter.Lines {

	/** Receives what the lines add up to. */
	interface Events {

		/** A comment or a blank line that ended no event. */
		void keepAlive();

		/** The data of one event (its {@code data:} lines joined by {@code '\n'}); valid only during the call. */
		void data(byte[] data, int length);

	}

	private static final byte[] DATA_FIELD = { 'd', 'a', 't', 'a', ':' };

	private final Events events;

	private byte[] data = new byte[512];

	/** Bytes of data collected for the event being read; -1 while no {@code data:} line has come. */
	private int dataLength = -1;

	SseLineParser(Events events) {
		this.events = events;
	}

	@Override
	public void line(byte[] bytes, int offset, int length) {
		if (length > 0 && bytes[offset + length - 1] == '\r') {
			length--;
		}
		if (length == 0) {
			if (this.dataLength < 0) {
				this.events.keepAlive();
			}
			else {
				dispatch();
			}
		}
		else if (bytes[offset] == ':') {
			this.events.keepAlive();
		}
		else if (length >= DATA_FIELD.length
				&& Arrays.equals(bytes, offset, offset + DATA_FIELD.length, DATA_FIELD, 0, DATA_FIELD.length)) {
			int start = offset + DATA_FIELD.length;
			int end = offset + length;
			if (start < end && bytes[start] == ' ') {
				start++;
			}
			appendData(bytes, start, end - start);
		}
		// event:, id:, retry: carry nothing DeepSeek uses
	}

	/** Dispatches an event still pending when the stream ended without its final blank line. */
	void finish() {
		if (this.dataLength >= 0) {
			dispatch();
		}
	}

	private void appendData(byte[] bytes, int start, int length) {
		int separator = (this.dataLength < 0) ? 0 : 1;
		int from = Math.max(this.dataLength, 0);
		int needed = from + separator + length;
		if (needed > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(needed, this.data.length * 2));
		}
		if (separator == 1) {
			this.data[from] = '\n';
		}
		System.arraycopy(bytes, start, this.data, from + separator, length);
		this.dataLength = needed;
	}

	private void dispatch() {
		int length = this.dataLength;
		this.dataLength = -1;
		this.events.data(this.data, length);
	}

}
