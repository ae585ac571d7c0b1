package org.clearinghouse.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashes and checks passwords with bcrypt at a fixed cost, and enforces the password rules: at
 * least {@value #MIN_LENGTH} characters and at most {@value #MAX_BYTES} bytes of UTF-8 (bcrypt
 * ignores anything beyond, so a longer password would be silently weaker than it looks).
 *
 * <p>Password arrays stay the caller's to clear; the UTF-8 copies made here are zeroed after use.
 * Passwords are never logged. Thread-safe: the bcrypt hasher and verifier hold no mutable state
 * besides a {@link SecureRandom}, which is itself thread-safe.
 */
public final class PasswordHasher {

    /** The cost used unless another is asked for: roughly a quarter second per hash on a typical server. */
    public static final int DEFAULT_COST = 12;
    /** The lowest cost accepted (bcrypt's own minimum); fast enough for tests. */
    public static final int MIN_COST = 4;
    /** The highest cost accepted (bcrypt's own maximum). */
    public static final int MAX_COST = 31;
    /** The fewest characters (code points) a new password may have. */
    public static final int MIN_LENGTH = 8;
    /** The most UTF-8 bytes a password may have: all bcrypt reads. */
    public static final int MAX_BYTES = 72;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);

    private final int cost;
    // $2b$, the current identifier; the verifier reads the version from each stored hash.
    private final BCrypt.Hasher hasher = BCrypt.with(BCrypt.Version.VERSION_2B, new SecureRandom(),
            LongPasswordStrategies.strict(BCrypt.Version.VERSION_2B));
    private final BCrypt.Verifyer verifier = BCrypt.verifyer();
    private volatile String dummyHash;

    /** A hasher at the {@linkplain #DEFAULT_COST default cost}. */
    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    /** A hasher at {@code cost} (log2 of the bcrypt rounds), between 4 and 31. */
    public PasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + MIN_COST + " and "
                    + MAX_COST + ", not " + cost);
        }
        this.cost = cost;
    }

    /** The cheapest hasher: for tests only, where hashing at the real cost would be slow. */
    public static PasswordHasher forTests() {
        return new PasswordHasher(MIN_COST);
    }

    public int cost() {
        return cost;
    }

    /**
     * Checks that {@code password} obeys the rules for a new password.
     *
     * @throws IllegalArgumentException saying which rule it breaks
     */
    public static void checkRules(char[] password) {
        byte[] utf8 = encode(password);
        Arrays.fill(utf8, (byte) 0);
    }

    /**
     * The bcrypt hash of {@code password}, e.g. {@code $2b$12$...}.
     *
     * @throws IllegalArgumentException when the password breaks the rules
     */
    public String hash(char[] password) {
        byte[] utf8 = encode(password);
        try {
            return new String(hasher.hash(cost, utf8), StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /**
     * Whether {@code password} matches {@code hash}. A password that could never have been set
     * (too short, too long, not valid Unicode) or a malformed hash answers {@code false}.
     */
    public boolean verify(char[] password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        byte[] utf8;
        try {
            utf8 = encode(password);
        } catch (IllegalArgumentException e) {
            // Cannot match any stored hash, since hash() refuses such passwords.
            return false;
        }
        try {
            BCrypt.Result result = verifier.verify(utf8, hash.getBytes(StandardCharsets.US_ASCII));
            if (!result.validFormat) {
                LOG.warn("A stored password hash is not a valid bcrypt hash: {}", result.formatErrorMessage);
            }
            return result.verified;
        } catch (IllegalArgumentException e) {
            LOG.warn("A stored password hash could not be checked: {}", e.getMessage());
            return false;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /**
     * Spends the time of one {@link #verify} without a real hash to check against. Used when an
     * account does not exist, so the answer takes as long as for a wrong password and timing does
     * not reveal which names exist.
     */
    public void verifyAgainstDummy(char[] password) {
        verify(password, dummyHash());
    }

    private String dummyHash() {
        // Made lazily, once, at this hasher's cost: a dummy at another cost would take another time.
        String hash = dummyHash;
        if (hash == null) {
            char[] dummy = "not-a-real-password-only-for-timing".toCharArray();
            hash = hash(dummy);
            dummyHash = hash;
        }
        return hash;
    }

    /** The UTF-8 bytes of a password that obeys the rules; the caller zeroes them. */
    private static byte[] encode(char[] password) {
        if (password == null || Character.codePointCount(password, 0, password.length) < MIN_LENGTH) {
            throw new IllegalArgumentException("Password is too short: use at least " + MIN_LENGTH + " characters");
        }
        ByteBuffer buffer;
        try {
            buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Password is not valid Unicode text");
        }
        byte[] utf8 = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        if (utf8.length > MAX_BYTES) {
            Arrays.fill(utf8, (byte) 0);
            throw new IllegalArgumentException("Password is too long: at most " + MAX_BYTES
                    + " bytes (" + MAX_BYTES + " plain letters, fewer with accents or symbols)");
        }
        return utf8;
    }
}
