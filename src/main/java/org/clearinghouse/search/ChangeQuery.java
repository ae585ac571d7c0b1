package org.clearinghouse.search;

import java.util.Optional;

/**
 * Which recent changes to list. Empty filters match everything; filters compare without regard
 * to case except the path prefix, which is compared exactly (page names are case-sensitive).
 *
 * @param author an author's name or email address
 * @param prefix the start of the page names, e.g. {@code Career-Day/}
 * @param tag    a tag the page carried after the change
 * @param limit  how many changes at most (clamped to 1..{@value #MAX_LIMIT})
 */
public record ChangeQuery(Optional<String> author, Optional<String> prefix, Optional<String> tag, int limit) {
    public static final int MAX_LIMIT = 500;

    public ChangeQuery {
        author = blankToEmpty(author);
        prefix = blankToEmpty(prefix);
        tag = blankToEmpty(tag);
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
