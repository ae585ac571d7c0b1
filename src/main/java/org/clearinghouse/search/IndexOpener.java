package org.clearinghouse.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NRTCachingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the index directory for writing, creating it when absent. The index is derived from Git,
 * so an index that cannot be read (a file overwritten, a segments file lost, a format from another
 * Lucene) or was written in another layout of fields is not worth failing the start for: it is wiped, recreated empty and a warning logged;
 * the wiki then rebuilds it from the repository. Every file's checksum is verified at open, so
 * corruption shows here and not in the middle of a search. An index locked by another writer is
 * the one failure that is passed on: wiping it would destroy a live index. Used once per open.
 */
final class IndexOpener {
    /** The key of the Lucene commit user data holding the Git commit id the index reflects. */
    static final String COMMIT_KEY = "commit";
    /** The key of the commit user data holding the layout the index was written in. */
    static final String LAYOUT_KEY = "layout";
    /** The layout of an index that records none: written before layouts were recorded. */
    static final String FIRST_LAYOUT = "1";
    private static final Logger LOG = LoggerFactory.getLogger(IndexOpener.class);

    /** An open writer on its directory, and the Git commit id of the last Lucene commit. */
    record Opened(Directory directory, IndexWriter writer, Optional<String> committedId) {}

    /** Newly flushed segments up to this size are kept in memory, up to {@link #NRT_CACHE_MB} in all. */
    private static final double NRT_SEGMENT_MB = 2;
    private static final double NRT_CACHE_MB = 16;

    private IndexOpener() {}

    /**
     * Opens the index at {@code path} for writing; an index whose recorded layout is not
     * {@code layout} is wiped and recreated, like an unreadable one.
     */
    static Opened open(Path path, Analyzer analyzer, String layout) throws IOException {
        Files.createDirectories(path);
        // Each save flushes a segment of one page for the near-real-time reader; such small segments
        // stay in memory until the next commit writes them, instead of a dozen files per save.
        Directory directory = new NRTCachingDirectory(FSDirectory.open(path), NRT_SEGMENT_MB, NRT_CACHE_MB);
        try {
            return openExisting(directory, analyzer, layout);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index {} is unreadable or of another layout ({}); deleting it and starting an empty "
                    + "one to rebuild", path, e.toString());
            try {
                wipe(directory);
                IndexWriter writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
                commitEmpty(writer, layout); // a commit point at once, so the next start finds an index, not leftovers
                return new Opened(directory, writer, Optional.empty());
            } catch (IOException | RuntimeException again) {
                directory.close();
                throw again;
            }
        }
    }

    private static Opened openExisting(Directory directory, Analyzer analyzer, String layout) throws IOException {
        boolean exists = DirectoryReader.indexExists(directory);
        if (!exists && hasIndexFiles(directory)) {
            throw new CorruptIndexException("index files but no segments file", directory.toString());
        }
        IndexWriter writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        try {
            if (!exists) {
                commitEmpty(writer, layout);
                return new Opened(directory, writer, Optional.empty());
            }
            Map<String, String> userData = SegmentInfos.readLatestCommit(directory).getUserData();
            String found = userData.getOrDefault(LAYOUT_KEY, FIRST_LAYOUT);
            if (!found.equals(layout)) {
                throw new CorruptIndexException("written in layout " + found + ", not " + layout, directory.toString());
            }
            verify(writer);
            return new Opened(directory, writer, Optional.ofNullable(userData.get(COMMIT_KEY)));
        } catch (IOException | RuntimeException e) {
            writer.rollback(); // closes without committing and releases the write lock
            throw e;
        }
    }

    /** Opens every segment and checks every file's checksum: reads the whole index once. */
    private static void verify(IndexWriter writer) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
    }

    private static void commitEmpty(IndexWriter writer, String layout) throws IOException {
        writer.setLiveCommitData(Map.of(LAYOUT_KEY, layout).entrySet());
        writer.commit();
    }

    private static boolean hasIndexFiles(Directory directory) throws IOException {
        for (String name : directory.listAll()) {
            if (isIndexFile(name)) {
                return true;
            }
        }
        return false;
    }

    /** Deletes Lucene's own files only: anything else someone put in the folder is left alone. */
    private static void wipe(Directory directory) throws IOException {
        for (String name : directory.listAll()) {
            if (isIndexFile(name)) {
                directory.deleteFile(name);
            }
        }
    }

    private static boolean isIndexFile(String name) {
        return name.startsWith(IndexFileNames.SEGMENTS) || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
                || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
    }

    private static final double RAM_BUFFER_MB = 48;

    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        // Commits are made explicitly, always with the Git commit id; closing must not add one without it.
        config.setCommitOnClose(false);
        // A rebuild of 20,000 pages flushes a segment per buffer-full; fewer, larger flushes merge less.
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        return config;
    }
}
