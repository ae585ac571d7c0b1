package org.clearinghouse.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, Basic credentials that bcrypt has already verified, so an API
 * client does not pay (and make the server pay) a deliberately slow hash on every request. Only a
 * keyed MAC of the name and password is kept (the key is random per process, so the entries are
 * useless outside it), together with the account's password hash at the time: changing the
 * password, or removing the account, invalidates the entry. Thread-safe; bounded.
 */
final class VerifiedCredentials {
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int CAPACITY = 1024;

    private record Entry(String name, String passwordHash, long expiresAtNanos) {}

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    /** The account name these credentials were verified for, if still valid for that hash. */
    synchronized Optional<String> lookup(String name, char[] password, String currentHash) {
        String mac = mac(name, password);
        Entry entry = entries.get(mac);
        if (entry == null || System.nanoTime() - entry.expiresAtNanos() > 0
                || !entry.passwordHash().equals(currentHash) || !entry.name().equals(name)) {
            entries.remove(mac);
            return Optional.empty();
        }
        return Optional.of(entry.name());
    }

    synchronized void remember(String name, char[] password, String passwordHash) {
        entries.put(mac(name, password), new Entry(name, passwordHash, System.nanoTime() + LIFETIME.toNanos()));
    }

    private String mac(String name, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
