package org.clearinghouse.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts file {@code DATA/users.json} on disk: reads it, replaces it atomically (temporary
 * file in the same folder, fsync, atomic rename, so a crash leaves the old or the new file, never
 * half of one) with owner-only permissions where the file system has POSIX permissions, and
 * serialises writers across processes with an {@link AccountsFileLock}.
 *
 * <p>Thread-safe: holds no mutable state; {@link #locked} serialises writers in this JVM too.
 */
final class AccountsFile {

    static final String FILE_NAME = "users.json";
    static final String LOCK_FILE_NAME = FILE_NAME + ".lock";

    private static final Logger LOG = LoggerFactory.getLogger(AccountsFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * What identifies one version of the file cheaply. Each write here gives the new file a
     * strictly later modification time, so every replacement changes the stamp.
     */
    record Stamp(FileTime modified, long size, Object fileKey) {
        static final Stamp MISSING = new Stamp(null, -1, null);
    }

    private final Path folder;
    private final Path file;
    private final AccountsFileLock lock;

    AccountsFile(Path dataFolder) {
        this.folder = dataFolder.toAbsolutePath().normalize();
        this.file = folder.resolve(FILE_NAME);
        this.lock = new AccountsFileLock(folder.resolve(LOCK_FILE_NAME), ownerOnly());
    }

    Path path() {
        return file;
    }

    /** The current version's stamp, {@link Stamp#MISSING} when there is no file. */
    Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return Stamp.MISSING;
        } catch (IOException e) {
            throw failure("Could not read the accounts file " + file, e);
        }
    }

    /** The accounts in the file by name; none when the file does not exist. */
    Map<String, Account> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw failure("Could not read the accounts file " + file, e);
        }
        warnIfOthersCanRead();
        return AccountsJson.parse(bytes, file);
    }

    /** Replaces the file with one holding {@code accounts}, atomically. */
    void write(Collection<Account> accounts) {
        byte[] content = AccountsJson.format(accounts);
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + FILE_NAME + ".", ".tmp", ownerOnly());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // Data on disk before the rename makes it visible, or a crash could leave an empty file.
                channel.force(true);
            }
            Files.setLastModifiedTime(temp, laterThanCurrent());
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncFolder();
        } catch (IOException e) {
            throw failure("Could not write the accounts file " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * A modification time after the current file's. File systems often keep time in coarse ticks,
     * and two quick writes of equal size (a password change) could then look the same to a
     * reader's {@link Stamp}; a strictly later time, set explicitly, rules that out.
     */
    private FileTime laterThanCurrent() throws IOException {
        Instant now = Instant.now();
        try {
            Instant current = Files.getLastModifiedTime(file).toInstant();
            return FileTime.from(now.isAfter(current) ? now : current.plusMillis(1));
        } catch (NoSuchFileException e) {
            return FileTime.from(now);
        }
    }

    /** Runs {@code action} while holding the writers' lock, in this JVM and across processes. */
    <T> T locked(Supplier<T> action) {
        try {
            return lock.run(action);
        } catch (IOException e) {
            throw failure("Could not lock the accounts file " + folder.resolve(LOCK_FILE_NAME), e);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        if (!posix()) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }

    private boolean posix() {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private void warnIfOthersCanRead() {
        if (!posix()) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                // Only warn: the next change rewrites it owner-only, and refusing to start is harsh.
                LOG.warn("The accounts file {} is readable by other users ({}); run chmod 600 on it",
                        file, PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            LOG.debug("Could not read the permissions of {}", file, e);
        }
    }

    /** Makes the rename itself durable. Not every platform can open a folder; then skip it. */
    private void syncFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not fsync the folder {}", folder, e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary file {}", temp, e);
        }
    }

    private AccountFileException failure(String what, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getMessage();
        return new AccountFileException(file, what + ": " + reason, e);
    }
}
