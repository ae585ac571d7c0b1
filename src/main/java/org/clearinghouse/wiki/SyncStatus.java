package org.clearinghouse.wiki;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the wiki stands with its central repository.
 *
 * @param central the central repository's address (without any password)
 * @param lastAttempt when the last sync ran; empty before the first
 * @param lastError what went wrong in the last sync, for an admin; empty when it worked
 * @param localHead this wiki's head
 * @param centralHead the central head as last fetched
 * @param conflicts files both sides changed in the same lines, newest first; the local text was
 *     kept and the central one is in the merge commit's second parent
 */
public record SyncStatus(String central, Optional<Instant> lastAttempt, Optional<String> lastError,
        String localHead, Optional<String> centralHead, List<Conflict> conflicts) {

    /** A file left in conflict by a merge with the central repository. */
    public record Conflict(String path, String mergeCommit, Instant when) {}
}
