package io.github.deepseekspring.model.api;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream arriving in arbitrary buffers into lines, handed on as byte ranges. Splitting on the byte
 * {@code '\n'} is safe in UTF-8 (it never occurs inside a multi-byte character), so characters cut across buffers
 * are reassembled intact.
 * <p>
 * A line that lies whole in one buffer is handed on in place; only a line cut across buffers is copied. Lines are
 * never decoded to strings here: the JSON parser reads the bytes. Not thread-safe; one instance per stream.
 */
final class LineSplitter {

	/** Receives each line, without its {@code '\n'}; the range is only valid during the call. */
	interface Lines {

		void line(byte[] bytes, int offset, int length);

	}

	private byte[] pending = new byte[256];

	private int pendingLength;

	void accept(List<ByteBuffer> buffers, Lines lines) {
		for (ByteBuffer buffer : buffers) {
			int position = buffer.position();
			int limit = buffer.limit();
			while (position < limit) {
				int newline = indexOfNewline(buffer, position, limit);
				if (newline < 0) {
					keep(buffer, position, limit - position);
					break;
				}
				if (this.pendingLength == 0 && buffer.hasArray()) {
					lines.line(buffer.array(), buffer.arrayOffset() + position, newline - position);
				}
				else {
					keep(buffer, position, newline - position);
					handOnPending(lines);
				}
				position = newline + 1;
			}
			buffer.position(limit);
		}
	}

	/** Hands on what is left after the last line break, if anything. */
	void finish(Lines lines) {
		if (this.pendingLength > 0) {
			handOnPending(lines);
		}
	}

	private void handOnPending(Lines lines) {
		int length = this.pendingLength;
		this.pendingLength = 0;
		lines.line(this.pending, 0, length);
	}

	private static int indexOfNewline(ByteBuffer buffer, int from, int to) {
		for (int i = from; i < to; i++) {
			if (buffer.get(i) == '\n') {
				return i;
			}
		}
		return -1;
	}

	private void keep(ByteBuffer buffer, int start, int length) {
		int needed = this.pendingLength + length;
		if (needed > this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, Math.max(needed, this.pending.length * 2));
		}
		buffer.get(start, this.pending, this.pendingLength, length);
		this.pendingLength = needed;
	}

}
