package io.github.deepseekspring.testkit.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.deepseekspring.testkit.RecordedRequest;

/**
 * A chunked response body written piece by piece. Counted events keep to a schedule (the first at the first-token
 * time, then one per token delay: a busy machine makes them late, not the stream slower) and may be cut by an armed
 * fault; a failed write marks the request as "client disconnected".
 */
public final class ResponseStream {

    private static final Duration CUT_GRACE = Duration.ofMillis(100);

    private final OutputStream out;
    private final RecordedRequest request;
    private final long tokenDelayNanos;
    private final int cutAfter;
    private long firstDue;
    private int events;

    /**
     * @param firstDue   {@link System#nanoTime()} at which the first event is due (a past one: at once)
     * @param tokenDelay time from one event to the next
     * @param cutAfter   events to let through before the connection is cut (-1: no cut)
     */
    ResponseStream(OutputStream out, RecordedRequest request, long firstDue, Duration tokenDelay, int cutAfter) {
        this.out = out;
        this.request = request;
        this.firstDue = firstDue;
        this.tokenDelayNanos = tokenDelay.toNanos();
        this.cutAfter = cutAfter;
    }

    /**
     * Writes one counted event (an SSE {@code data:} block or an NDJSON line).
     *
     * @param text the bytes to send, including their line ends
     * @throws IOException when the client went away or the stream is cut here
     */
    public void event(String text) throws IOException {
        if (cutAfter >= 0 && events >= cutAfter) {
            // Let the client take in what was sent first: some clients drop buffered data when the socket closes.
            Pause.sleep(CUT_GRACE);
            throw new ConnectionCut("stream cut after " + events + " events");
        }
        if (events == 0) {
            Pause.until(firstDue);
            // Queue time spent before the first event moves the schedule on.
            firstDue = Math.max(firstDue, System.nanoTime());
        } else {
            Pause.until(firstDue + events * tokenDelayNanos);
        }
        raw(text);
        events++;
    }

    /**
     * Writes text that is not counted as an event and not paced (keep-alive comments, blank lines, a final body).
     *
     * @param text the text
     * @throws IOException when the client went away
     */
    public void raw(String text) throws IOException {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            request.markClientDisconnected();
            throw e;
        }
    }

    /**
     * Ends the body normally.
     *
     * @throws IOException when the client went away
     */
    public void finish() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            request.markClientDisconnected();
            throw e;
        }
    }
}
