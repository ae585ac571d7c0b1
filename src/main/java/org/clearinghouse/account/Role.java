package org.clearinghouse.account;

import java.util.Locale;

/**
 * What an account may do. Roles are ordered: each one can do everything the one before it can.
 * Readers read (which matters on a private wiki), editors also change pages, admins also manage
 * the wiki. Immutable, so thread-safe.
 */
public enum Role {
    READER,
    EDITOR,
    ADMIN;

    /** Whether this role may create, change and delete pages. */
    public boolean canEdit() {
        return this == EDITOR || this == ADMIN;
    }

    /** Whether this role may administer the wiki. */
    public boolean canAdmin() {
        return this == ADMIN;
    }

    /** The lower-case name used in the accounts file and on the command line, e.g. {@code editor}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role named by {@code text} ({@code reader}, {@code editor} or {@code admin}, any case,
     * surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Role parse(String text) {
        if (text != null) {
            String wanted = text.strip();
            for (Role role : values()) {
                // equalsIgnoreCase on the id, not valueOf(toUpperCase()), so a Turkish default
                // locale cannot turn "editor" into something that matches nothing.
                if (role.id().equalsIgnoreCase(wanted)) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("Unknown role '" + text + "': expected reader, editor or admin");
    }
}
