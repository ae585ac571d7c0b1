package org.clearinghouse.store;

import java.util.Optional;

/**
 * One file changed between two trees. A rename shows as a delete of the old path and an add of
 * the new one.
 *
 * @param path the repository path
 * @param oldBlobId the blob before, empty when the file was added
 * @param newBlobId the blob after, empty when the file was deleted
 */
public record FileChange(String path, Optional<String> oldBlobId, Optional<String> newBlobId) {
    public boolean isDelete() {
        return newBlobId.isEmpty();
    }
}
