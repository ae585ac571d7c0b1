package org.clearinghouse.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * Writes the wide trees the wiki formats itself, and remembers the last one.
 *
 * <p>Hashing: through a {@link LooseObjectBatch} a wide tree is hashed with the JDK's SHA-1
 * (which uses the processor's SHA instructions) instead of JGit's collision-detecting SHA-1 (pure
 * Java, 7 ms for the 1.36 MB folder tree of 20,000 pages, on every save). Why that is safe here:
 * collision detection guards against objects crafted to collide, and a crafted collision needs
 * near-arbitrary binary blocks in the hashed bytes. A tree the wiki writes holds validated file
 * names and the ids of blobs, which are still hashed by JGit with detection; objects that arrive
 * by push are checked by JGit as before.
 *
 * <p>Memory: the next save starts from the tree this one wrote, so the last tree is kept (about
 * 1.4 MB for 20,000 pages in one folder) rather than read back from its file and scanned again.
 * An object id names its bytes, so the kept tree can never be stale. Thread-safe.
 */
final class WideTreeWriter {
    /** Trees smaller than this are left to JGit: hashing and reading them costs little either way. */
    static final int WIDE = 64 * 1024;

    private record Kept(ObjectId id, RawTree tree) {}

    private volatile Kept last;

    /** Stores the tree {@code bytes} through {@code inserter} and answers its id. */
    ObjectId write(byte[] bytes, ObjectInserter inserter) throws IOException {
        ObjectId id;
        if (inserter instanceof LooseObjectBatch batch) {
            id = jdkId(bytes);
            batch.stage(Constants.OBJ_TREE, id, bytes, 0, bytes.length);
        } else {
            id = inserter.insert(Constants.OBJ_TREE, bytes);
        }
        last = new Kept(id.copy(), RawTree.of(bytes));
        return id;
    }

    /** The tree {@code id} when it is the last one written. */
    Optional<RawTree> recent(ObjectId id) {
        Kept kept = last;
        return kept != null && kept.id().equals(id) ? Optional.of(kept.tree()) : Optional.empty();
    }

    private static ObjectId jdkId(byte[] bytes) {
        byte[] header = (Constants.TYPE_TREE + " " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII);
        MessageDigest sha1 = sha1();
        sha1.update(header);
        sha1.update(bytes);
        return ObjectId.fromRaw(sha1.digest());
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }
}
