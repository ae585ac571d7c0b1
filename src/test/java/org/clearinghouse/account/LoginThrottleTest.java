package org.clearinghouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 10_000);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(account, address);
        }
    }

    @Test
    void fourFailuresAreAllowedTheFifthLocks() {
        fail("alice", "10.0.0.1", 4);
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
    }

    @Test
    void fiveFailuresLockTheAccountFromEveryAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("alice", "10.0.0." + i);
        }
        assertThat(throttle.retryAfter("alice", "192.168.1.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("bob", "192.168.1.1")).isEmpty();
        assertThat(throttle.retryAfter("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void fiveFailuresLockTheAddressForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "10.0.0.1");
        }
        assertThat(throttle.retryAfter("someone-else", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("someone-else", "10.0.0.2")).isEmpty();
        assertThat(throttle.retryAfter("user0", "10.0.0.2")).isEmpty();
    }

    @Test
    void theLockRunsOutAndCountsDown() {
        fail("alice", "10.0.0.1", 5);
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        fail("alice", "10.0.0.1", 5);
        Duration previous = throttle.retryAfter("alice", "10.0.0.1").orElseThrow();
        assertThat(previous).isEqualTo(Duration.ofSeconds(30));
        Duration[] expected = {Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofSeconds(480), Duration.ofMinutes(15), Duration.ofMinutes(15)};
        for (Duration want : expected) {
            throttle.recordFailure("alice", "10.0.0.1");
            assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(want);
        }
        assertThat(LoginThrottle.lockFor(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("alice", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void successClearsTheAccountAndTheAddress() {
        fail("alice", "10.0.0.1", 5);
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isPresent();
        throttle.recordSuccess("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
        // The count starts again from zero, not from five.
        fail("alice", "10.0.0.1", 4);
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void successForOneAccountLeavesOthersLocked() {
        fail("alice", "10.0.0.1", 5);
        fail("bob", "10.0.0.2", 5);
        throttle.recordSuccess("carol", "10.0.0.3");
        assertThat(throttle.retryAfter("alice", "10.0.0.9")).isPresent();
        assertThat(throttle.retryAfter("bob", "10.0.0.9")).isPresent();
    }

    @Test
    void accountNamesAreCountedIgnoringCase() {
        fail("Alice", "10.0.0.1", 3);
        fail("ALICE", "10.0.0.2", 2);
        assertThat(throttle.retryAfter("alice", "10.0.0.3")).isPresent();
    }

    @Test
    void memoryIsBoundedByEvictingTheOldestKeys() {
        LoginThrottle small = new LoginThrottle(clock, 100);
        for (int i = 0; i < 1000; i++) {
            small.recordFailure("user" + i, "10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(small.trackedKeys()).isLessThanOrEqualTo(100);
        // Still works at capacity: a fresh attacker is locked out as usual.
        for (int i = 0; i < 5; i++) {
            small.recordFailure("mallory", "192.168.0.1");
        }
        assertThat(small.retryAfter("mallory", "192.168.0.2")).isPresent();
        assertThat(small.retryAfter("someone", "192.168.0.1")).isPresent();
        assertThat(small.trackedKeys()).isLessThanOrEqualTo(100);
    }

    @Test
    void expiredKeysAreForgotten() {
        fail("alice", "10.0.0.1", 5);
        assertThat(throttle.trackedKeys()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
        assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void nullAndHugeKeysAreHandled() {
        fail(null, null, 5);
        assertThat(throttle.retryAfter(null, null)).isPresent();
        String huge = "x".repeat(1_000_000);
        fail(huge, "10.0.0.1", 1);
        assertThat(throttle.retryAfter(huge, "10.0.0.1")).isEmpty();
    }

    @Test
    void needsRoomForAtLeastOneAccountAndOneAddress() {
        assertThatThrownBy(() -> new LoginThrottle(clock, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
