package org.clearinghouse.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PackParser;

/**
 * Writes the loose objects of one commit as a batch: each object goes to a temporary file in the
 * objects folder, and {@link #flush} fsyncs all of them at once, then renames each into place.
 * JGit's own inserter fsyncs each object before writing the next, so a save (page, folder tree,
 * commit) waited for three disk flushes in a row; flushed side by side, the file system commits
 * them together. An object is renamed into place only once its bytes are on disk, so a crash never
 * leaves a truncated object under a real id (a later save of the same bytes would then trust it).
 *
 * <p>Objects become readable at {@link #flush}, not before; the readers this inserter hands out see
 * only what the repository held already. Not thread-safe: one per commit.
 */
final class LooseObjectBatch extends ObjectInserter {
    /** Fsyncs run here side by side; the threads idle away between saves. */
    private static final ExecutorService FSYNCS = Executors.newCachedThreadPool(job -> {
        Thread thread = new Thread(job, "object-fsync");
        thread.setDaemon(true);
        return thread;
    });

    private final Repository repository;
    private final Path objects;
    private final boolean fsync;
    private final int compression;
    /** Objects written to temporary files and not yet renamed into place, by id. */
    private final Map<ObjectId, Path> staged = new LinkedHashMap<>();

    private LooseObjectBatch(Repository repository, Path objects) {
        this.repository = repository;
        this.objects = objects;
        this.fsync = RepositoryOpener.fsyncsObjects(repository);
        this.compression = repository.getConfig().get(CoreConfig.KEY).getCompression();
    }

    /** A batch for a repository kept in a folder; empty for others (in memory, in tests). */
    static Optional<LooseObjectBatch> of(Repository repository) {
        if (repository.getObjectDatabase() instanceof ObjectDirectory directory) {
            return Optional.of(new LooseObjectBatch(repository, directory.getDirectory().toPath()));
        }
        return Optional.empty();
    }

    @Override
    public ObjectId insert(int type, byte[] data, int off, int len) throws IOException {
        ObjectId id = idFor(type, data, off, len);
        stage(type, id, data, off, len);
        return id;
    }

    @Override
    public ObjectId insert(int type, long length, InputStream in) throws IOException {
        if (length > Integer.MAX_VALUE - 64) {
            throw new IOException("An object of " + length + " bytes is too large to write at once");
        }
        byte[] data = in.readNBytes((int) length);
        if (data.length != length) {
            throw new IOException("The object ended after " + data.length + " of " + length + " bytes");
        }
        return insert(type, data, 0, data.length);
    }

    /**
     * Stages an object whose id the caller computed ({@link WideTreeWriter} hashes wide trees
     * itself), unless the repository or this batch has it already.
     */
    void stage(int type, ObjectId id, byte[] data, int off, int len) throws IOException {
        if (staged.containsKey(id)) {
            return;
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            if (reader.has(id, type)) {
                return;
            }
        }
        byte[] header = (Constants.typeString(type) + " " + len + "\0").getBytes(StandardCharsets.US_ASCII);
        Path temporary = Files.createTempFile(objects, "batch", ".tmp");
        staged.put(id.copy(), temporary);
        Deflater deflater = new Deflater(compression);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            DeflaterOutputStream out = new DeflaterOutputStream(Channels.newOutputStream(channel), deflater,
                    64 * 1024);
            out.write(header);
            out.write(data, off, len);
            out.finish();
            out.flush();
        } finally {
            deflater.end();
        }
    }

    /** Fsyncs every staged object (side by side), then renames each into place. */
    @Override
    public void flush() throws IOException {
        if (staged.isEmpty()) {
            return;
        }
        if (fsync) {
            forceAll(new ArrayList<>(staged.values()));
        }
        for (Map.Entry<ObjectId, Path> object : staged.entrySet()) {
            moveIntoPlace(object.getKey(), object.getValue());
        }
        staged.clear();
    }

    private static void forceAll(List<Path> files) throws IOException {
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (Path file : files.subList(1, files.size())) {
            others.add(CompletableFuture.runAsync(() -> force(file), FSYNCS));
        }
        try {
            force(files.get(0));
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static void force(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private void moveIntoPlace(ObjectId id, Path temporary) throws IOException {
        String name = id.name();
        Path target = Files.createDirectories(objects.resolve(name.substring(0, 2))).resolve(name.substring(2));
        temporary.toFile().setReadOnly();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException writtenMeanwhile) {
            // Another writer (a push) stored the same object: the bytes are the same by their id.
            Files.deleteIfExists(temporary);
        }
    }

    /** A reader of the repository's objects (not of those staged and not yet flushed). */
    @Override
    public ObjectReader newReader() {
        return repository.newObjectReader();
    }

    @Override
    public PackParser newPackParser(InputStream in) {
        throw new UnsupportedOperationException("A batch of loose objects does not take packs");
    }

    /** Deletes what was staged and never flushed (the commit failed before its objects were kept). */
    @Override
    public void close() {
        for (Path temporary : staged.values()) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // A stray temporary file harms nothing; git gc removes old ones.
            }
        }
        staged.clear();
    }
}
