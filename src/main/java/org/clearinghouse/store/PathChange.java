package org.clearinghouse.store;

import java.util.Optional;

/**
 * One file changed by a commit, with renames already detected (Git's rename detection: same or
 * similar content under a new name).
 *
 * @param type what happened to the file
 * @param oldPath the path before; empty for an added file
 * @param newPath the path after; empty for a deleted file
 * @param oldSize the size in bytes before (0 when added)
 * @param newSize the size in bytes after (0 when deleted)
 * @param oldBlobId the blob before; empty for an added file
 * @param newBlobId the blob after; empty for a deleted file
 */
public record PathChange(Type type, Optional<String> oldPath, Optional<String> newPath, long oldSize,
        long newSize, Optional<String> oldBlobId, Optional<String> newBlobId) {

    /** Add, modify, delete, or rename (possibly with changes). */
    public enum Type { ADD, MODIFY, DELETE, RENAME }

    /** The path after the change, or before it for a delete. */
    public String path() {
        return newPath.or(() -> oldPath).orElseThrow();
    }

    /** How many bytes the file grew (negative when it shrank). */
    public long sizeDelta() {
        return newSize - oldSize;
    }
}
