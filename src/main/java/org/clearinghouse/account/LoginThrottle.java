package org.clearinghouse.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing. Failed logins are counted per account name and, separately, per
 * client address: one address trying many names and many addresses trying one name are both
 * caught. After {@value #THRESHOLD} failures within {@link #WINDOW} on a key, that key is locked
 * for {@link #FIRST_LOCK}, doubling with each further failure up to {@link #LONGEST_LOCK}. A
 * success clears both keys.
 *
 * <p>In memory only (a restart forgets) and bounded: at most a fixed number of keys are tracked,
 * the least recently used forgotten first, so a flood of made-up names cannot exhaust memory.
 * Thread-safe: every method holds this object's monitor, and each does very little.
 */
public final class LoginThrottle {

    /** Failures within {@link #WINDOW} that lock a key. */
    public static final int THRESHOLD = 5;
    /** How far back failures count. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** The lock after the {@value #THRESHOLD}th failure. */
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    /** The longest lock, however many failures. */
    public static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** How many keys are tracked by default. */
    public static final int DEFAULT_MAX_KEYS = 10_000;

    // Enough timestamps for the lock to reach its longest (30 s doubled 5 times > 15 min);
    // older ones change nothing, so each key's memory stays small too.
    private static final int MAX_FAILURES_KEPT = THRESHOLD + 6;
    // Longer than any valid account name (64) or IPv6 address text, so real keys never collide.
    private static final int MAX_KEY_LENGTH = 128;

    /** The recent failures of one key and when its lock ends. */
    private static final class Record {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    private final Clock clock;
    private final Map<String, Record> records;

    /** A throttle on the system clock tracking up to {@value #DEFAULT_MAX_KEYS} keys. */
    public LoginThrottle() {
        this(Clock.systemUTC(), DEFAULT_MAX_KEYS);
    }

    /** A throttle reading time from {@code clock} and tracking up to {@code maxKeys} keys. */
    public LoginThrottle(Clock clock, int maxKeys) {
        if (maxKeys < 2) {
            throw new IllegalArgumentException("maxKeys must be at least 2, one account and one address");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        // Access order, so the key evicted is the one least recently tried.
        this.records = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * How long until a login may be tried for {@code account} from {@code clientAddress}: empty
     * when it may be tried now, otherwise the longer of the two keys' remaining locks.
     */
    public synchronized Optional<Duration> retryAfter(String account, String clientAddress) {
        Instant now = clock.instant();
        Duration wait = max(remaining(accountKey(account), now), remaining(addressKey(clientAddress), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failed login against both the account name and the client address. */
    public synchronized void recordFailure(String account, String clientAddress) {
        Instant now = clock.instant();
        fail(accountKey(account), now);
        fail(addressKey(clientAddress), now);
    }

    /** Forgets the failures of the account name and of the client address after a good login. */
    public synchronized void recordSuccess(String account, String clientAddress) {
        records.remove(accountKey(account));
        records.remove(addressKey(clientAddress));
    }

    /** How many keys are tracked now: for tests and metrics. */
    synchronized int trackedKeys() {
        return records.size();
    }

    private Duration remaining(String key, Instant now) {
        Record record = records.get(key);
        if (record == null) {
            return Duration.ZERO;
        }
        prune(record, now);
        if (record.failures.isEmpty() && !now.isBefore(record.lockedUntil)) {
            // Nothing left to remember: drop it rather than wait for eviction.
            records.remove(key);
            return Duration.ZERO;
        }
        return now.isBefore(record.lockedUntil) ? Duration.between(now, record.lockedUntil) : Duration.ZERO;
    }

    private void fail(String key, Instant now) {
        Record record = records.computeIfAbsent(key, k -> new Record());
        prune(record, now);
        record.failures.addLast(now);
        while (record.failures.size() > MAX_FAILURES_KEPT) {
            record.failures.removeFirst();
        }
        int count = record.failures.size();
        if (count >= THRESHOLD) {
            Instant until = now.plus(lockFor(count));
            if (until.isAfter(record.lockedUntil)) {
                record.lockedUntil = until;
            }
        }
    }

    /** 30 s at the threshold, doubling per further failure, at most 15 min. */
    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - THRESHOLD, 16);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private static void prune(Record record, Instant now) {
        Instant oldest = now.minus(WINDOW);
        while (!record.failures.isEmpty() && !record.failures.peekFirst().isAfter(oldest)) {
            record.failures.removeFirst();
        }
    }

    // Prefixes keep the two kinds apart: an account may be named like an address.
    // Names are compared ignoring case, so "Alice" and "alice" share one count.
    private static String accountKey(String account) {
        return "account:" + bounded(account).toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String clientAddress) {
        return "address:" + bounded(clientAddress);
    }

    /** At most 128 characters: a megabyte-long made-up name must not become a megabyte-long key. */
    private static String bounded(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() > MAX_KEY_LENGTH ? stripped.substring(0, MAX_KEY_LENGTH) : stripped;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
