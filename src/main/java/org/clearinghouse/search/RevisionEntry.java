package org.clearinghouse.search;

import java.util.Optional;
import org.clearinghouse.page.ChangeKind;
import org.clearinghouse.page.Revision;

/**
 * One page change read back from the revision index.
 *
 * @param revision  the commit: id, author (name and email), time with the author's offset, message
 * @param parent    the commit's first parent; empty for the first commit
 * @param path      the page's name in that commit (the old name, for entries from before a rename)
 * @param kind      what the commit did to the page
 * @param otherPath the other name of a rename; else empty
 * @param sizeDelta bytes gained by the page (negative when it shrank)
 */
public record RevisionEntry(Revision revision, Optional<String> parent, String path, ChangeKind kind,
        Optional<String> otherPath, long sizeDelta) {}
