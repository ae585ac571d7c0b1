package org.clearinghouse.account;

import java.util.Objects;

/**
 * One user account as stored in the accounts file. The compact constructor validates every
 * field (see {@link AccountFields}): a display name defaults to the name, a missing e-mail
 * address becomes {@code ""}. Immutable, so thread-safe.
 *
 * <p>{@link #toString()} leaves the password hash out, so an account can be logged safely.
 *
 * @param name         the login name, unique in the wiki
 * @param displayName  how the account is shown to people, e.g. in page history
 * @param email        an e-mail address, or {@code ""}
 * @param role         what the account may do
 * @param passwordHash the bcrypt hash of the password (never the password)
 */
public record Account(String name, String displayName, String email, Role role, String passwordHash) {

    public Account {
        name = AccountFields.name(name);
        displayName = AccountFields.displayName(displayName, name);
        email = AccountFields.email(email);
        Objects.requireNonNull(role, "role");
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("Account '" + name + "' has no password hash");
        }
    }

    /** This account with another password hash. */
    public Account withPasswordHash(String newHash) {
        return new Account(name, displayName, email, role, newHash);
    }

    /** The same fields as the generated form, minus the password hash. */
    @Override
    public String toString() {
        return "Account[name=" + name + ", displayName=" + displayName + ", email=" + email
                + ", role=" + role.id() + "]";
    }
}
