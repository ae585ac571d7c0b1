package org.clearinghouse.wiki;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.PageOutline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head snapshot kept on disk between runs, so that a restart reads one file instead of
 * parsing every page and walking the history for each page's last change (the bulk of a start at
 * 20,000 pages). It is a cache like the indexes: stamped with its commit, advanced by a tree diff
 * when the branch has moved since, and ignored (then rewritten) when it is missing, damaged, from
 * another format version, or from a commit the branch no longer contains.
 *
 * <p>Format: a magic line with the version, then the fields in {@link DataOutputStream} form,
 * then a CRC-32 of everything before it, so a torn or edited file is refused rather than
 * half-read. Written to a temporary file and moved into place. Stateless.
 */
final class SnapshotFile {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFile.class);
    /**
     * Raise the number whenever the format changes or outlines are read differently (links,
     * headings, front matter): a file with another number is ignored and every page read again.
     */
    private static final String MAGIC = "clearinghouse-snapshot 1";
    /** No page name, link list or message comes near this; a larger count means a damaged file. */
    private static final int MAX_COUNT = 10_000_000;
    private static final int MAX_STRING_BYTES = 16 * 1024 * 1024;

    private SnapshotFile() {}

    /**
     * The snapshot saved in {@code file}; empty when there is none or it cannot be trusted. The
     * file is read whole and parsed from memory: through a checked, buffered stream every field
     * cost a few synchronized single-byte reads, about a third of a warm start's reading.
     */
    static Optional<Snapshot> read(Path file) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            int end = bytes.limit() - Long.BYTES;
            if (end < 0) {
                throw new EOFException("The file is too short");
            }
            Input in = new Input(bytes.duplicate().limit(end));
            if (!MAGIC.equals(in.string())) {
                LOG.info("Ignoring {}: written by another version", file);
                return Optional.empty();
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.duplicate().limit(end));
            if (bytes.getLong(end) != crc.getValue()) {
                LOG.warn("Ignoring {}: its checksum does not match (a torn or edited file)", file);
                return Optional.empty();
            }
            Snapshot snapshot = snapshot(in);
            if (in.remaining() != 0) {
                throw new EOFException(in.remaining() + " bytes after the snapshot");
            }
            return Optional.of(snapshot);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring {}: it cannot be read ({})", file, e.toString());
            return Optional.empty();
        }
    }

    /** Saves {@code snapshot} to {@code file}, replacing it whole or not at all. */
    static void write(Snapshot snapshot, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            string(out, MAGIC);
            write(out, snapshot);
            out.flush();
            new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void write(DataOutputStream out, Snapshot snapshot) throws IOException {
        string(out, snapshot.commitId());
        out.writeInt(snapshot.pages().size());
        for (PageEntry page : snapshot.pages()) {
            string(out, page.path().toString());
            string(out, page.blobId());
            metadata(out, page.outline().metadata());
            optional(out, page.outline().firstHeading());
            out.writeInt(page.outline().links().size());
            for (PagePath link : page.outline().links()) {
                string(out, link.toString());
            }
            revision(out, page.lastChange());
        }
        Map<String, String> attachments = snapshot.attachmentMap();
        out.writeInt(attachments.size());
        for (Map.Entry<String, String> attachment : new TreeMap<>(attachments).entrySet()) {
            string(out, attachment.getKey());
            string(out, attachment.getValue());
        }
    }

    private static Snapshot snapshot(Input in) throws IOException {
        String commitId = in.string();
        int pageCount = in.count();
        Map<PagePath, PageEntry> pages = new TreeMap<>();
        // Most names recur (a page's own and every link to it): validate each once, share one object.
        Map<String, PagePath> names = new HashMap<>();
        for (int i = 0; i < pageCount; i++) {
            PagePath path = names.computeIfAbsent(in.string(), PagePath::of);
            String blobId = in.string();
            PageMetadata metadata = metadata(in);
            Optional<String> firstHeading = in.optional();
            int linkCount = in.count();
            TreeSet<PagePath> links = new TreeSet<>();
            for (int l = 0; l < linkCount; l++) {
                links.add(names.computeIfAbsent(in.string(), PagePath::of));
            }
            pages.put(path, new PageEntry(path, blobId, new PageOutline(metadata, firstHeading, links), revision(in)));
        }
        int attachmentCount = in.count();
        Map<String, String> attachments = new HashMap<>();
        for (int i = 0; i < attachmentCount; i++) {
            attachments.put(in.string(), in.string());
        }
        return new Snapshot(commitId, pages, attachments);
    }

    private static void metadata(DataOutputStream out, PageMetadata metadata) throws IOException {
        optional(out, metadata.title());
        optional(out, metadata.summary());
        strings(out, metadata.tags());
        strings(out, metadata.audience());
        optional(out, metadata.type());
    }

    private static PageMetadata metadata(Input in) throws IOException {
        return new PageMetadata(in.optional(), in.optional(), in.strings(), in.strings(), in.optional());
    }

    private static void revision(DataOutputStream out, Revision revision) throws IOException {
        string(out, revision.id());
        string(out, revision.author().name());
        string(out, revision.author().email());
        out.writeLong(revision.time().toEpochSecond());
        out.writeInt(revision.time().getOffset().getTotalSeconds());
        string(out, revision.message());
    }

    private static Revision revision(Input in) throws IOException {
        String id = in.string();
        Author author = new Author(in.string(), in.string());
        long epochSecond = in.bytes.getLong();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.bytes.getInt());
        return new Revision(id, author, OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), offset),
                in.string());
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            string(out, value.get());
        }
    }

    /** Length-prefixed UTF-8: unlike {@code writeUTF}, not limited to 64 KiB (commit messages). */
    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The fields of a snapshot file in memory, each length and count checked against the limits. */
    private static final class Input {
        final ByteBuffer bytes;

        Input(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        int remaining() {
            return bytes.remaining();
        }

        String string() throws IOException {
            int length = bytes.getInt();
            if (length < 0 || length > MAX_STRING_BYTES || length > bytes.remaining()) {
                throw new EOFException("A string of " + length + " bytes: the file is damaged");
            }
            String value = new String(bytes.array(), bytes.arrayOffset() + bytes.position(), length,
                    StandardCharsets.UTF_8);
            bytes.position(bytes.position() + length);
            return value;
        }

        int count() throws IOException {
            int count = bytes.getInt();
            if (count < 0 || count > MAX_COUNT) {
                throw new EOFException("A count of " + count + ": the file is damaged");
            }
            return count;
        }

        Optional<String> optional() throws IOException {
            return bytes.get() != 0 ? Optional.of(string()) : Optional.empty();
        }

        List<String> strings() throws IOException {
            int size = count();
            List<String> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(string());
            }
            return values;
        }
    }
}
