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
 * Each read is guarded by the first-token limit (first line) or the idle limit (later lines), checked by one periodic
 * task per stream (precision: an eighth of the shorter limit): when it expires the connection is closed, which is
 * also what {@link #close()} does to abort the request. Internal.
 */
public final class LineStream implements Closeable {

	private final InputStream body;
	private final BufferedReader reader;
	private final String endpoint;
	private final Duration firstToken;
	private final Duration idle;
	private final ScheduledExecutorService timer;
	private static final long MIN_CHECK_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private volatile Kind expired;
	private volatile Kind waitingFor;
	private volatile long deadline;
	private volatile ScheduledFuture<?> watchdog;
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
		// one periodic watchdog per stream reads this deadline: no allocation per line
		waitingFor = kind;
		deadline = System.nanoTime() + limit.toNanos();
		startWatchdog();
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
			waitingFor = null;
		}
	}

	private void startWatchdog() {
		if (watchdog == null) {
			long period = Math.max(MIN_CHECK_PERIOD_NANOS, Math.min(firstToken.toNanos(), idle.toNanos()) / 8);
			watchdog = timer.scheduleAtFixedRate(this::checkDeadline, period, period, TimeUnit.NANOSECONDS);
			if (closed || expired != null) {
				stopWatchdog();
			}
		}
	}

	private void checkDeadline() {
		Kind kind = waitingFor;
		if (kind != null && System.nanoTime() - deadline > 0) {
			expire(kind);
		}
	}

	/**
	 * Reads past the last line to the end of the body, so the connection goes back to the pool instead of being
	 * dropped by {@link #close()}; a body that does not end within the idle limit is simply closed.
	 */
	public void finishQuietly() {
		try {
			while (next() != null) {
				// the runtime said done: anything after it is ignored
			}
		}
		catch (RuntimeException ignored) {
			// the answer is complete already; close() drops the connection
		}
	}

	/** Whether nothing has been read yet. */
	public boolean atStart() {
		return first;
	}

	private void expire(Kind kind) {
		expired = kind;
		stopWatchdog();
		closeQuietly();
	}

	@Override
	public void close() {
		closed = true;
		stopWatchdog();
		closeQuietly();
	}

	private void stopWatchdog() {
		ScheduledFuture<?> running = watchdog;
		if (running != null) {
			running.cancel(false);
		}
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
