package org.clearinghouse.page;

import java.util.Locale;
import java.util.Optional;

/**
 * What one commit did to one page. A rename is two changes in the same commit: the old name's
 * {@link #RENAME_FROM} and the new name's {@link #RENAME_TO}, so each name's history tells its
 * side of the move.
 */
public enum ChangeKind {
    ADD("add"),
    MODIFY("modify"),
    DELETE("delete"),
    RENAME_FROM("rename-from"),
    RENAME_TO("rename-to");

    private final String id;

    ChangeKind(String id) {
        this.id = id;
    }

    /** The name used in the JSON API and the index, e.g. {@code rename-to}. */
    public String id() {
        return id;
    }

    /** The kind named {@code id} (as {@link #id()} spells it), or empty. */
    public static Optional<ChangeKind> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        for (ChangeKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
