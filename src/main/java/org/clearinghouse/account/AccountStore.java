package org.clearinghouse.account;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiki's accounts, kept in {@code DATA/users.json} (never in the content repository). Reads
 * come from memory; before each read the file's stamp (modification time, size, identity) is
 * checked, at most once per reload interval, and the file re-read when another process (the
 * {@code user} command while the server runs) has replaced it. Every change re-reads the file
 * under a cross-process lock, applies itself and writes the file atomically, so two processes
 * never lose each other's changes. A missing file means no accounts; a damaged one makes every
 * call fail with an {@link AccountFileException} naming it, rather than carrying on without the
 * accounts it lists.
 *
 * <p>Thread-safe: reads come from an {@link AccountsCache}; changes are serialised by the
 * file's writers' lock.
 */
public final class AccountStore {

    /** How often, at most, reads look at the file for changes by another process. */
    public static final Duration DEFAULT_RELOAD_CHECK_INTERVAL = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);
    private static final Comparator<Account> BY_NAME =
            Comparator.comparing(Account::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Account::name);

    private final AccountsFile file;
    private final PasswordHasher hasher;
    private final AccountsCache cache;

    private AccountStore(AccountsFile file, PasswordHasher hasher, Duration checkInterval) {
        this.file = file;
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.cache = new AccountsCache(file, checkInterval);
    }

    /** The accounts of {@code dataDir}, checking the file for outside changes every 500 ms at most. */
    public static AccountStore open(Path dataDir, PasswordHasher hasher) {
        return open(dataDir, hasher, DEFAULT_RELOAD_CHECK_INTERVAL);
    }

    /**
     * The accounts of {@code dataDir}, checking the file for outside changes at most once per
     * {@code reloadCheckInterval} ({@link Duration#ZERO}: before every read).
     *
     * @throws AccountFileException when the file exists but cannot be read or is not valid
     */
    public static AccountStore open(Path dataDir, PasswordHasher hasher, Duration reloadCheckInterval) {
        return new AccountStore(new AccountsFile(dataDir), hasher, reloadCheckInterval);
    }

    /** The accounts file, whether or not it exists yet. */
    public Path file() {
        return file.path();
    }

    /** The account named exactly {@code name}. */
    public Optional<Account> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(cache.current().get(name));
    }

    /** Every account, by name (ignoring case first). */
    public List<Account> list() {
        return cache.current().values().stream().sorted(BY_NAME).toList();
    }

    /**
     * Adds an account. The password array stays the caller's to clear.
     *
     * @throws AccountExistsException   when the name, ignoring case, is taken: two accounts that
     *                                  differ only in case would look alike in page history
     * @throws IllegalArgumentException when a field or the password breaks the rules
     */
    public Account add(String name, String displayName, String email, Role role, char[] password) {
        // Validate every field with a placeholder hash first, so bad input fails before the slow hash.
        Account draft = new Account(name, displayName, email, Objects.requireNonNull(role, "role"), "-");
        refuseTaken(cache.current(), draft.name());
        Account account = draft.withPasswordHash(hasher.hash(password));
        modify(accounts -> {
            refuseTaken(accounts, account.name());
            accounts.put(account.name(), account);
            return true;
        });
        LOG.debug("Added the account {} ({})", account.name(), account.role().id());
        return account;
    }

    /**
     * Sets a new password. The password array stays the caller's to clear.
     *
     * @throws UnknownAccountException  when there is no such account
     * @throws IllegalArgumentException when the password breaks the rules
     */
    public void changePassword(String name, char[] password) {
        if (find(name).isEmpty()) {
            throw new UnknownAccountException(name);
        }
        String hash = hasher.hash(password);
        modify(accounts -> {
            Account account = accounts.get(name);
            if (account == null) {
                throw new UnknownAccountException(name);
            }
            accounts.put(name, account.withPasswordHash(hash));
            return true;
        });
        LOG.debug("Changed the password of the account {}", name);
    }

    /** Removes the account; false when there was none by that name. */
    public boolean remove(String name) {
        if (name == null) {
            return false;
        }
        boolean removed = modify(accounts -> accounts.remove(name) != null);
        if (removed) {
            LOG.debug("Removed the account {}", name);
        }
        return removed;
    }

    /**
     * The account when {@code password} is its password. An unknown name costs a bcrypt check
     * all the same, against a dummy hash, so the time taken does not tell which names exist.
     */
    public Optional<Account> authenticate(String name, char[] password) {
        Account account = name == null ? null : cache.current().get(name);
        if (account == null) {
            hasher.verifyAgainstDummy(password);
            return Optional.empty();
        }
        return hasher.verify(password, account.passwordHash()) ? Optional.of(account) : Optional.empty();
    }

    private static void refuseTaken(Map<String, Account> accounts, String name) {
        for (String existing : accounts.keySet()) {
            if (existing.equalsIgnoreCase(name)) {
                throw new AccountExistsException(existing);
            }
        }
    }

    /**
     * Applies {@code change} to the accounts as the file holds them right now, under the writers'
     * lock, and writes the file when {@code change} answers true. A damaged file fails here, so a
     * change can never overwrite accounts it could not read.
     */
    private boolean modify(Predicate<Map<String, Account>> change) {
        return file.locked(() -> {
            Map<String, Account> accounts = new TreeMap<>(file.read());
            boolean changed = change.test(accounts);
            if (changed) {
                file.write(accounts.values());
            }
            cache.replaced(accounts);
            return changed;
        });
    }
}
