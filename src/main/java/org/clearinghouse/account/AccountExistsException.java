package org.clearinghouse.account;

/**
 * Thrown when adding an account whose name is already taken. An {@link IllegalArgumentException}
 * because the caller asked for something invalid; its own type so a form can say so precisely.
 */
public final class AccountExistsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public AccountExistsException(String name) {
        super("An account named '" + name + "' already exists");
        this.name = name;
    }

    /** The name that is taken. */
    public String name() {
        return name;
    }
}
