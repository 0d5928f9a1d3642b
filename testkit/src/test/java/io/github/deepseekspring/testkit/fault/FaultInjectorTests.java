package io.github.deepseekspring.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FaultInjectorTests {

    private final AtomicInteger downs = new AtomicInteger();
    private final AtomicInteger ups = new AtomicInteger();
    private final FaultInjector faults = new FaultInjector(downs::incrementAndGet, ups::incrementAndGet);

    @Test
    void countedFailuresAreUsedUpOnePerRequest() {
        faults.failNext(2, 503, Duration.ofSeconds(1));

        RequestFaults first = faults.takeForRequest();
        RequestFaults second = faults.takeForRequest();
        RequestFaults third = faults.takeForRequest();

        assertThat(first.failStatus()).isEqualTo(503);
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(second.fails()).isTrue();
        assertThat(third.fails()).isFalse();
    }

    @Test
    void aHangTakesPrecedenceAndDoesNotUseUpAFailure() {
        faults.failNext(1, 500).hangNext(1, Duration.ofMillis(10));

        RequestFaults hung = faults.takeForRequest();
        RequestFaults failed = faults.takeForRequest();

        assertThat(hung.hang()).isEqualTo(Duration.ofMillis(10));
        assertThat(hung.fails()).isFalse();
        assertThat(failed.failStatus()).isEqualTo(500);
    }

    @Test
    void lastingFaultsStayUntilClearedAndTheCutIsTakenOnce() {
        faults.tokenDelay(Duration.ofMillis(5)).queue(Duration.ofMillis(7)).stallBeforeFirstByte(Duration.ofMillis(3)).cutAfterChunks(2);

        assertThat(faults.takeForRequest().tokenDelay()).isEqualTo(Duration.ofMillis(5));
        assertThat(faults.takeForRequest().queue()).isEqualTo(Duration.ofMillis(7));
        assertThat(faults.takeStreamCut()).hasValue(2);
        assertThat(faults.takeStreamCut()).isEmpty();

        faults.clear();
        assertThat(faults.takeForRequest()).isEqualTo(RequestFaults.NONE);
    }

    @Test
    void downAndUpSwitchTheServerOnlyOnChange() {
        faults.down().down();
        assertThat(faults.isDown()).isTrue();
        faults.up().up();

        assertThat(downs).hasValue(1);
        assertThat(ups).hasValue(1);
    }

    @Test
    void rejectsAStatusThatIsNotAnError() {
        assertThatThrownBy(() -> faults.failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
