package org.clearinghouse.account;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the writers of one accounts file, across processes (an OS lock on
 * {@code users.json.lock} beside it: the server and the {@code user} command) and across threads
 * and store instances of this JVM. Each change re-reads the file while holding it, so no writer
 * loses another's change. Thread-safe.
 */
final class AccountsFileLock {

    // FileChannel.lock() does not wait for another channel of this same JVM: it throws
    // OverlappingFileLockException. So writers in one JVM queue on this lock first.
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final FileAttribute<?>[] attributes;

    /** A lock on {@code lockFile} (an absolute, normalised path), created with {@code attributes}. */
    AccountsFileLock(Path lockFile, FileAttribute<?>... attributes) {
        this.lockFile = lockFile;
        this.attributes = attributes.clone();
    }

    /** Runs {@code action} while holding the lock; waits for it as long as it takes. */
    <T> T run(Supplier<T> action) throws IOException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, key -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(lockFile, options, attributes)) {
                // Blocks until another process (say, the server) finishes its change.
                FileLock lock = channel.lock();
                try {
                    return action.get();
                } finally {
                    lock.release();
                }
            }
        } finally {
            jvmLock.unlock();
        }
    }
}
