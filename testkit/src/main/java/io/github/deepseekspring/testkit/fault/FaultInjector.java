package io.github.deepseekspring.testkit.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Makes a simulator misbehave the way real servers do. Counted faults ({@link #failNext}, {@link #hangNext},
 * {@link #cutAfterChunks}) are used up by the requests they hit; the others last until {@link #clear()}.
 * Every method returns this injector for chaining. Thread-safe.
 *
 * <p>Order per request: stall, then hang, then failure status, then the normal answer (with queueing, the first
 * token's delay, token pacing and a possible cut).
 */
public final class FaultInjector {

    private final Runnable goDown;
    private final Runnable goUp;

    private int failCount;
    private int failStatus;
    private Duration failRetryAfter;
    private boolean failRetryAfterAsDate;
    private int hangCount;
    private Duration hangFor;
    private Duration stall = Duration.ZERO;
    private Duration queue = Duration.ZERO;
    private Duration tokenDelay = Duration.ZERO;
    private Duration firstTokenDelay = Duration.ZERO;
    private int cutAfterChunks = -1;
    private boolean down;

    /**
     * Creates an injector; used by the simulators.
     *
     * @param goDown stops the server listening (connections are refused)
     * @param goUp   makes it listen again on the same port
     */
    public FaultInjector(Runnable goDown, Runnable goUp) {
        this.goDown = Objects.requireNonNull(goDown);
        this.goUp = Objects.requireNonNull(goUp);
    }

    /**
     * The next {@code count} requests are answered with {@code status} and the protocol's error body.
     *
     * @param count  how many requests
     * @param status HTTP status, e.g. 429, 500, 503
     * @return this
     */
    public synchronized FaultInjector failNext(int count, int status) {
        return failNext(count, status, null);
    }

    /**
     * The next {@code count} requests are answered with {@code status} and a {@code Retry-After} header (whole
     * seconds, rounded up).
     *
     * @param count      how many requests
     * @param status     HTTP status
     * @param retryAfter value of {@code Retry-After}; {@code null} for none
     * @return this
     */
    public synchronized FaultInjector failNext(int count, int status, Duration retryAfter) {
        return failNext(count, status, retryAfter, false);
    }

    /**
     * Like {@link #failNext(int, int, Duration)}, with {@code Retry-After} as an HTTP date ({@code now +
     * retryAfter}, whole seconds) instead of a number of seconds, as some servers and proxies send it.
     *
     * @param count      how many requests
     * @param status     HTTP status
     * @param retryAfter how far ahead the date lies
     * @return this
     */
    public synchronized FaultInjector failNextRetryingAfterDate(int count, int status, Duration retryAfter) {
        return failNext(count, status, Objects.requireNonNull(retryAfter), true);
    }

    private FaultInjector failNext(int count, int status, Duration retryAfter, boolean asDate) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status: " + status);
        }
        this.failCount = count;
        this.failStatus = status;
        this.failRetryAfter = retryAfter;
        this.failRetryAfterAsDate = asDate;
        return this;
    }

    /**
     * The next {@code count} requests are accepted, get no byte for {@code duration}, then the connection closes.
     *
     * @param count    how many requests
     * @param duration how long to hang
     * @return this
     */
    public synchronized FaultInjector hangNext(int count, Duration duration) {
        this.hangCount = count;
        this.hangFor = Objects.requireNonNull(duration);
        return this;
    }

    /**
     * Every request waits {@code duration} before the first byte of its response, until cleared.
     *
     * @param duration the stall
     * @return this
     */
    public synchronized FaultInjector stallBeforeFirstByte(Duration duration) {
        this.stall = Objects.requireNonNull(duration);
        return this;
    }

    /**
     * The next streaming response closes the connection abruptly after {@code chunks} events (no {@code [DONE]},
     * no final {@code done} object).
     *
     * @param chunks how many events get through
     * @return this
     */
    public synchronized FaultInjector cutAfterChunks(int chunks) {
        this.cutAfterChunks = chunks;
        return this;
    }

    /**
     * Time from one stream chunk to the next, until cleared. Chunks keep to a schedule (the first chunk's time plus
     * one delay per chunk), so a stream keeps its rate when the machine is busy instead of drifting slower.
     *
     * @param delay the time between chunks
     * @return this
     */
    public synchronized FaultInjector tokenDelay(Duration delay) {
        this.tokenDelay = Objects.requireNonNull(delay);
        return this;
    }

    /**
     * Time from a request to the first chunk of its stream, the response headers sent at once, until cleared: the
     * model's time to first token (about a second on the DeepSeek API). Unlike {@link #queue}, nothing is sent
     * meanwhile.
     *
     * @param delay the time to the first chunk
     * @return this
     */
    public synchronized FaultInjector firstTokenDelay(Duration delay) {
        this.firstTokenDelay = Objects.requireNonNull(delay);
        return this;
    }

    /**
     * Streams paced like a real model, until cleared: the first chunk after {@code firstToken}, then
     * {@code tokensPerSecond} chunks a second (one token each).
     *
     * @param firstToken      the time to the first chunk
     * @param tokensPerSecond chunks per second after it
     * @return this
     */
    public synchronized FaultInjector pace(Duration firstToken, double tokensPerSecond) {
        if (!(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("tokensPerSecond must be positive: " + tokensPerSecond);
        }
        return firstTokenDelay(firstToken).tokenDelay(Duration.ofNanos(Math.round(1e9 / tokensPerSecond)));
    }

    /**
     * Requests are "queued" for {@code duration} before the answer, until cleared. The DeepSeek simulator sends
     * {@code : keep-alive} SSE comments (stream) or blank lines (non-stream) meanwhile, as the real API does; the
     * Ollama simulator just waits (a model loading).
     *
     * @param duration time in the queue
     * @return this
     */
    public synchronized FaultInjector queue(Duration duration) {
        this.queue = Objects.requireNonNull(duration);
        return this;
    }

    /**
     * The server stops listening: connections are refused until {@link #up()}.
     *
     * @return this
     */
    public synchronized FaultInjector down() {
        if (!down) {
            goDown.run();
            down = true;
        }
        return this;
    }

    /**
     * The server listens again on the same port.
     *
     * @return this
     */
    public synchronized FaultInjector up() {
        if (down) {
            goUp.run();
            down = false;
        }
        return this;
    }

    /**
     * Removes every fault and brings the server up.
     *
     * @return this
     */
    public synchronized FaultInjector clear() {
        failCount = 0;
        hangCount = 0;
        stall = Duration.ZERO;
        queue = Duration.ZERO;
        tokenDelay = Duration.ZERO;
        firstTokenDelay = Duration.ZERO;
        cutAfterChunks = -1;
        return up();
    }

    /** @return whether the server is down */
    public synchronized boolean isDown() {
        return down;
    }

    /**
     * Takes the faults for an arriving request, using up counted ones; used by the simulators.
     *
     * @return faults for this request
     */
    public synchronized RequestFaults takeForRequest() {
        Duration hang = null;
        if (hangCount > 0) {
            hangCount--;
            hang = hangFor;
        }
        int status = 0;
        Duration retryAfter = null;
        boolean retryAfterAsDate = false;
        if (hang == null && failCount > 0) {
            failCount--;
            status = failStatus;
            retryAfter = failRetryAfter;
            retryAfterAsDate = failRetryAfterAsDate;
        }
        return new RequestFaults(stall, hang, status, retryAfter, retryAfterAsDate, queue, tokenDelay, firstTokenDelay);
    }

    /**
     * Takes the armed stream cut, if any; used by the simulators when a streaming response starts.
     *
     * @return the number of events to let through
     */
    public synchronized OptionalInt takeStreamCut() {
        if (cutAfterChunks < 0) {
            return OptionalInt.empty();
        }
        int chunks = cutAfterChunks;
        cutAfterChunks = -1;
        return OptionalInt.of(chunks);
    }
}
