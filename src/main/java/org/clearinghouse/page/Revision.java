package org.clearinghouse.page;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One commit as a reader sees it: its 40-hex id, author, time (with the author's offset) and
 * message.
 */
public record Revision(String id, Author author, OffsetDateTime time, String message) {
    public Revision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        message = message == null ? "" : message;
    }

    /** The first seven hex digits, as Git shows them. */
    public String shortId() {
        return id.substring(0, Math.min(7, id.length()));
    }
}
