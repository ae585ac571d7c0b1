package org.clearinghouse.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers texts that exhausted the render budget, so asking for the same hostile page again
 * fails at once instead of tying up a worker for the whole budget each time (an easy way to
 * starve the pool otherwise). Keys are SHA-256 digests of the text, so memory stays small.
 * Entries are forgotten after {@value #TTL_MINUTES} minutes, because a timeout can also come
 * from a cold JIT or a machine under load rather than from the text. Bounded, least recently
 * used first out. Thread-safe.
 */
final class FailureMemory {

    private static final int CAPACITY = 512;
    private static final long TTL_MINUTES = 5;
    private static final long TTL_NANOS = TTL_MINUTES * 60_000_000_000L;

    private record Failure(String message, long atNanos) {}

    private final Map<String, Failure> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A key for one kind of work ({@code purpose}) on one text. */
    static String keyOf(String purpose, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(purpose.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether nothing is remembered: lets the common case skip hashing the text. */
    synchronized boolean isEmpty() {
        return failures.isEmpty();
    }

    /** The message of the failure remembered for this key, if any and still fresh. */
    synchronized Optional<String> recall(String key) {
        Failure failure = failures.get(key);
        if (failure == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - failure.atNanos() > TTL_NANOS) {
            failures.remove(key);
            return Optional.empty();
        }
        return Optional.of(failure.message());
    }

    synchronized void remember(String key, String message) {
        failures.put(key, new Failure(message, System.nanoTime()));
    }
}
