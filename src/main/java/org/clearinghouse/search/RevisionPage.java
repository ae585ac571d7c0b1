package org.clearinghouse.search;

import java.util.List;
import java.util.Optional;

/**
 * A page of revision-index results, newest first, with the cursor for the next page.
 *
 * @param entries the changes on this page
 * @param next    the commit to pass as {@code before} for the following page; empty on the last page
 */
public record RevisionPage(List<RevisionEntry> entries, Optional<String> next) {
    public RevisionPage {
        entries = List.copyOf(entries);
    }

    public static RevisionPage empty() {
        return new RevisionPage(List.of(), Optional.empty());
    }
}
