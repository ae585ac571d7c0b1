package org.clearinghouse.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last few commits changed, by (parent, commit), so that a commit is compared with its
 * parent once rather than by every reader after each save (the snapshot, the search index, the
 * last-change lookup and the revision index each asked). Comparing two trees means inflating and
 * parsing both; a flat folder of 20,000 pages is a 1.3 MB tree, so each comparison cost several
 * milliseconds. Only commits this process writes are recorded, by their writer, which knows the
 * change without comparing anything and only records changes of plain files (so a reader never
 * meets a submodule or a mode change here). Entries never go stale (commits are immutable); the
 * oldest are dropped. Thread-safe.
 */
final class RecentDiffs {
    private static final int CAPACITY = 32;

    private record Key(String from, String to) {}

    private final Map<Key, List<FileChange>> diffs = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<FileChange>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Records what {@code to} changed relative to {@code from} (both 40 hex digits). */
    synchronized void remember(String from, String to, List<FileChange> changes) {
        diffs.put(new Key(from, to), List.copyOf(changes));
    }

    /** What {@code to} changed relative to {@code from}, when known. */
    synchronized Optional<List<FileChange>> find(String from, String to) {
        return Optional.ofNullable(diffs.get(new Key(from, to)));
    }
}
