package org.clearinghouse.store;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes a wide tree the wiki formatted itself as a loose object, hashed with the JDK's SHA-1
 * (which uses the processor's SHA instructions) instead of JGit's collision-detecting SHA-1
 * (pure Java, 7 ms for the 1.36 MB folder tree of 20,000 pages, on every save).
 *
 * <p>Why that is safe here: collision detection guards against objects crafted to collide, and a
 * crafted collision needs near-arbitrary binary blocks in the hashed bytes. A tree the wiki writes
 * holds validated file names and the ids of blobs, which are still hashed by JGit with detection;
 * objects that arrive by push are checked by JGit as before. The object is written as JGit writes
 * loose objects: to a temporary file in the objects folder, compressed at the configured level,
 * fsynced when the repository asks for it, then renamed into place.
 */
final class WideTreeWriter {
    /** Trees smaller than this are left to JGit: hashing them costs little either way. */
    static final int WIDE = 64 * 1024;

    private final Path objects;
    private final Repository repository;

    private WideTreeWriter(Path objects, Repository repository) {
        this.objects = objects;
        this.repository = repository;
    }

    /** A writer for a repository kept in a folder; empty for others (in memory, in tests). */
    static Optional<WideTreeWriter> of(Repository repository) {
        if (repository.getObjectDatabase() instanceof ObjectDirectory directory) {
            return Optional.of(new WideTreeWriter(directory.getDirectory().toPath(), repository));
        }
        return Optional.empty();
    }

    /** Stores the tree {@code bytes} (unless the repository has it) and answers its id. */
    ObjectId write(byte[] bytes, ObjectReader reader) throws IOException {
        byte[] header = (Constants.TYPE_TREE + " " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII);
        MessageDigest sha1 = sha1();
        sha1.update(header);
        sha1.update(bytes);
        ObjectId id = ObjectId.fromRaw(sha1.digest());
        if (reader.has(id, Constants.OBJ_TREE)) {
            return id;
        }
        String name = id.name();
        Path folder = Files.createDirectories(objects.resolve(name.substring(0, 2)));
        Path temporary = Files.createTempFile(objects, "tree", ".tmp");
        try {
            Deflater deflater = new Deflater(repository.getConfig().get(CoreConfig.KEY).getCompression());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                DeflaterOutputStream out = new DeflaterOutputStream(Channels.newOutputStream(channel), deflater,
                        64 * 1024);
                out.write(header);
                out.write(bytes);
                out.finish();
                out.flush();
                if (RepositoryOpener.fsyncsObjects(repository)) {
                    channel.force(true);
                }
            } finally {
                deflater.end();
            }
            temporary.toFile().setReadOnly();
            Files.move(temporary, folder.resolve(name.substring(2)), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return id;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }
}
