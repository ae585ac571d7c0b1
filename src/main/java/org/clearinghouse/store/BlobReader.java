package org.clearinghouse.store;

import java.io.IOException;
import org.clearinghouse.page.PageNotFoundException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Reads blobs through one long-lived JGit reader, handed to the work done on each commit of a
 * history walk (see {@link ContentStore#walkChanges(java.util.Optional, String,
 * java.util.function.BiFunction, java.util.function.Consumer)}). Old versions of pages are stored
 * as chains of deltas; a reader keeps the delta bases it rebuilt, so the next version read there
 * starts from them, while {@link ContentStore#blob} (a new reader each time) rebuilds each chain
 * from its start. Not thread-safe: one per walking thread.
 */
public final class BlobReader {
    private final ObjectReader reader;

    BlobReader(ObjectReader reader) {
        this.reader = reader;
    }

    /** The bytes of a blob; a blob that is not there is a {@link PageNotFoundException}. */
    public byte[] blob(String blobId) {
        try {
            return reader.open(ObjectId.fromString(blobId), Constants.OBJ_BLOB).getBytes();
        } catch (MissingObjectException e) {
            throw new PageNotFoundException("The file " + blobId + " is not in the repository.");
        } catch (IOException e) {
            throw new StoreException("Could not read blob " + blobId, e);
        }
    }
}
