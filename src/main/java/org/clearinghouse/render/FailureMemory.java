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
 * Bounded, least recently used first out. Thread-safe.
 */
final class FailureMemory {

    private static final int CAPACITY = 512;

    private final Map<String, String> messages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
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
        return messages.isEmpty();
    }

    /** The message of the failure remembered for this key, if any. */
    synchronized Optional<String> recall(String key) {
        return Optional.ofNullable(messages.get(key));
    }

    synchronized void remember(String key, String message) {
        messages.put(key, message);
    }
}
