package io.github.deepseekspring.model.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream arriving in arbitrary buffers into UTF-8 lines. Splitting on the byte {@code '\n'} is safe in
 * UTF-8 (it never occurs inside a multi-byte character), so characters cut across buffers are reassembled intact.
 */
final class LineSplitter {

	private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

	List<String> accept(List<ByteBuffer> buffers) {
		List<String> lines = new ArrayList<>(4);
		for (ByteBuffer buffer : buffers) {
			while (buffer.hasRemaining()) {
				byte b = buffer.get();
				if (b == '\n') {
					lines.add(this.pending.toString(StandardCharsets.UTF_8));
					this.pending.reset();
				}
				else {
					this.pending.write(b);
				}
			}
		}
		return lines;
	}

	List<String> finish() {
		if (this.pending.size() == 0) {
			return List.of();
		}
		String last = this.pending.toString(StandardCharsets.UTF_8);
		this.pending.reset();
		return List.of(last);
	}

}
