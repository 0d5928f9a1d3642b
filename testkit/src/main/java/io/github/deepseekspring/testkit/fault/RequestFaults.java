package io.github.deepseekspring.testkit.fault;

import java.time.Duration;

/**
 * The faults that apply to one request, taken from a {@link FaultInjector} when the request arrives (counted faults
 * are used up by then). Used by the simulators.
 *
 * @param stallBeforeFirstByte pause before anything is sent ({@link Duration#ZERO} for none)
 * @param hang                 accept, send nothing for this long, then close; {@code null} for none
 * @param failStatus           status to answer instead of the real answer; 0 for none
 * @param retryAfter           {@code Retry-After} to send with {@code failStatus}; {@code null} for none
 * @param retryAfterAsDate     whether {@code Retry-After} is sent as an HTTP date rather than seconds
 * @param queue                time spent "queued" with keep-alives before the answer ({@link Duration#ZERO} for none)
 * @param tokenDelay           time from one stream chunk to the next ({@link Duration#ZERO} for none)
 * @param firstTokenDelay      time from the request to the first stream chunk, the headers sent at once
 *                             ({@link Duration#ZERO} for none)
 */
public record RequestFaults(Duration stallBeforeFirstByte, Duration hang, int failStatus, Duration retryAfter,
        boolean retryAfterAsDate, Duration queue, Duration tokenDelay, Duration firstTokenDelay) {

    /** No fault at all. */
    public static final RequestFaults NONE = new RequestFaults(Duration.ZERO, null, 0, null, false, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    /** @return whether the request must be answered with {@link #failStatus()} */
    public boolean fails() {
        return failStatus > 0;
    }
}
