package io.github.deepseekspring.local.transport;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.deepseekspring.local.LocalRuntimeTimeoutException;
import io.github.deepseekspring.local.LocalRuntimeTimeoutException.Kind;
import io.github.deepseekspring.local.ServerErrorException;

/**
 * The body of a streamed response read one line at a time (NDJSON or SSE), never buffering more than a line.
 * Each read is guarded by the first-token limit (first line) or the idle limit (later lines): when it expires the
 * connection is closed, which is also what {@link #close()} does to abort the request. Internal.
 */
public final class LineStream implements Closeable {

	private final InputStream body;
	private final BufferedReader reader;
	private final String endpoint;
	private final Duration firstToken;
	private final Duration idle;
	private final ScheduledExecutorService timer;
	private volatile Kind expired;
	private volatile boolean closed;
	private boolean first = true;

	public LineStream(InputStream body, String endpoint, Duration firstToken, Duration idle,
			ScheduledExecutorService timer) {
		this.body = body;
		this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
		this.endpoint = endpoint;
		this.firstToken = firstToken;
		this.idle = idle;
		this.timer = timer;
	}

	/** The next non-blank line, or null at the end of the body. */
	public String next() {
		Kind kind = first ? Kind.FIRST_TOKEN : Kind.IDLE;
		Duration limit = first ? firstToken : idle;
		ScheduledFuture<?> watchdog = timer.schedule(() -> expire(kind), limit.toNanos(), TimeUnit.NANOSECONDS);
		try {
			String line;
			do {
				line = reader.readLine();
			}
			while (line != null && line.isBlank());
			if (line == null && expired != null) {
				throw new LocalRuntimeTimeoutException(expired, limit, endpoint);
			}
			first = false;
			return line;
		}
		catch (IOException e) {
			if (expired != null) {
				throw new LocalRuntimeTimeoutException(expired, limit, endpoint);
			}
			if (closed) {
				return null;
			}
			throw new ServerErrorException(0, "stream from " + endpoint + " was cut off: " + e.getMessage());
		}
		finally {
			watchdog.cancel(false);
		}
	}

	/** Whether nothing has been read yet. */
	public boolean atStart() {
		return first;
	}

	private void expire(Kind kind) {
		expired = kind;
		closeQuietly();
	}

	@Override
	public void close() {
		closed = true;
		closeQuietly();
	}

	private void closeQuietly() {
		try {
			body.close();
		}
		catch (IOException ignored) {
			// closing is best effort: the connection is dropped either way
		}
	}

}
