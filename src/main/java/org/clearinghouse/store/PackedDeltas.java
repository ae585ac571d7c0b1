package org.clearinghouse.store;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.pack.BinaryDelta;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Rebuilds a packed object from the bytes of its delta base, when the caller holds those bytes
 * already: one delta applied, into a buffer the caller may hand back for reuse.
 *
 * <p>Why not JGit: walking the history oldest first, {@code git gc} has stored each commit's root
 * tree as a delta against its parent's, and JGit's delta-base cache keeps only the base of the
 * object last read, never the object itself. So every tree cost two deltas applied, each into a
 * newly allocated array; for a folder of 20,000 pages that is two 1.36 MB humongous allocations a
 * commit, and most of a rebuild's time in reading Git. The history walk holds the parent's tree
 * anyway (it diffs against it).
 *
 * <p>Only the pack entry's header and its deflated delta are read here, with the pack's own index
 * (JGit's) to find the entry; anything unexpected (a whole object, another base, a loose object,
 * a pack gone) answers null and the caller reads the object through JGit, which reports damage.
 * Not thread-safe: one per walking thread.
 */
final class PackedDeltas implements AutoCloseable {
    /** The longest entry header: a 64-bit size and a 64-bit offset in 7-bit groups, or a 20-byte base id. */
    private static final int MAX_HEADER = 1 + 10 + Math.max(10, Constants.OBJECT_ID_LENGTH);

    private final ObjectDirectory objects;
    private final Map<File, FileChannel> channels = new HashMap<>();
    private final Inflater inflater = new Inflater();
    private final ByteBuffer header = ByteBuffer.allocate(MAX_HEADER);
    private final ByteBuffer input = ByteBuffer.allocate(8192);

    private PackedDeltas(ObjectDirectory objects) {
        this.objects = objects;
    }

    /** For a repository on disk; null for any other kind (the caller then reads through JGit). */
    static PackedDeltas of(Repository repository) {
        return repository.getObjectDatabase() instanceof ObjectDirectory directory ? new PackedDeltas(directory) : null;
    }

    /** Where an object's entry starts in a pack. */
    record Location(Pack pack, long offset) {}

    /**
     * A delta entry: where its deflated data starts, how long that data is inflated, and its base,
     * as a location ({@code OFS_DELTA}) or an id ({@code REF_DELTA}).
     */
    record Delta(Location at, long dataStart, int size, Location baseAt, ObjectId baseId) {
        /** Whether the object at {@code location} with {@code id} is this delta's base. */
        boolean isOnto(Location location, AnyObjectId id) {
            return baseAt != null ? baseAt.equals(location) : baseId.equals(id);
        }
    }

    /** The pack entry of {@code id}; null when no pack has it (it may be loose). */
    Location locate(AnyObjectId id) {
        for (Pack pack : objects.getPacks()) {
            try {
                long offset = pack.getIndex().findOffset(id);
                if (offset >= 0) {
                    return new Location(pack, offset);
                }
            } catch (IOException e) {
                // An index that cannot be read now: JGit will say why, if it matters.
            }
        }
        return null;
    }

    /** The delta stored at {@code at}; null when the entry is a whole object or unreadable. */
    Delta deltaAt(Location at) {
        try {
            header.clear();
            channel(at.pack()).read(header, at.offset());
            byte[] h = header.array();
            int limit = header.position();
            int p = 0;
            int c = h[p++] & 0xff;
            int type = (c >> 4) & 7;
            long size = c & 15;
            int shift = 4;
            while ((c & 0x80) != 0 && p < limit) {
                c = h[p++] & 0xff;
                size += ((long) (c & 0x7f)) << shift;
                shift += 7;
            }
            if (size > Integer.MAX_VALUE) {
                return null;
            }
            if (type == Constants.OBJ_OFS_DELTA && p < limit) {
                c = h[p++] & 0xff;
                long back = c & 127;
                while ((c & 128) != 0 && p < limit) {
                    c = h[p++] & 0xff;
                    back = ((back + 1) << 7) + (c & 127);
                }
                return new Delta(at, at.offset() + p, (int) size, new Location(at.pack(), at.offset() - back), null);
            }
            if (type == Constants.OBJ_REF_DELTA && p + Constants.OBJECT_ID_LENGTH <= limit) {
                return new Delta(at, at.offset() + p + Constants.OBJECT_ID_LENGTH, (int) size, null,
                        ObjectId.fromRaw(h, p));
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The object {@code delta} rebuilds on {@code base}, written into {@code spare} when that is
     * exactly the right length (else into a new array); null when the delta cannot be read or does
     * not fit the base.
     */
    byte[] apply(Delta delta, byte[] base, byte[] spare) {
        byte[] instructions = inflate(delta);
        if (instructions == null || BinaryDelta.getBaseSize(instructions) != base.length) {
            return null;
        }
        long size = BinaryDelta.getResultSize(instructions);
        if (size > Integer.MAX_VALUE) {
            return null;
        }
        byte[] result;
        if (spare != null && spare.length == size) {
            result = spare;
        } else {
            try {
                result = new byte[(int) size];
            } catch (OutOfMemoryError tooBig) {
                // As JGit reports it, so the walk retries the commits alone.
                throw new LargeObjectException.OutOfMemory(tooBig);
            }
        }
        try {
            return BinaryDelta.apply(base, instructions, result);
        } catch (RuntimeException damaged) {
            return null; // JGit reads it again and reports what is wrong
        }
    }

    private byte[] inflate(Delta delta) {
        byte[] out = new byte[delta.size()];
        try {
            FileChannel channel = channel(delta.at().pack());
            long position = delta.dataStart();
            int done = 0;
            inflater.reset();
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    input.clear();
                    int read = channel.read(input, position);
                    if (read <= 0) {
                        return null;
                    }
                    position += read;
                    inflater.setInput(input.array(), 0, read);
                }
                int inflated = inflater.inflate(out, done, out.length - done);
                if (inflated == 0 && (inflater.needsDictionary() || done == out.length && !inflater.finished())) {
                    return null;
                }
                done += inflated;
            }
            return done == out.length ? out : null;
        } catch (IOException | DataFormatException e) {
            return null;
        }
    }

    private FileChannel channel(Pack pack) throws IOException {
        File file = pack.getPackFile();
        FileChannel channel = channels.get(file);
        if (channel == null) {
            channel = FileChannel.open(file.toPath(), StandardOpenOption.READ);
            channels.put(file, channel);
        }
        return channel;
    }

    @Override
    public void close() {
        inflater.end();
        for (FileChannel channel : channels.values()) {
            try {
                channel.close();
            } catch (IOException e) {
                // Read only; nothing to lose.
            }
        }
        channels.clear();
    }
}
