package org.clearinghouse.account;

/**
 * Thrown when changing an account that does not exist. An {@link IllegalArgumentException}
 * because the caller named something invalid; its own type so a caller can tell it apart.
 */
public final class UnknownAccountException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public UnknownAccountException(String name) {
        super("No account named '" + name + "'");
        this.name = name;
    }

    /** The name that was not found. */
    public String name() {
        return name;
    }
}
