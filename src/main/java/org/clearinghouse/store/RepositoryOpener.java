package org.clearinghouse.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the bare content repository, creating it when absent, and makes it safe to write:
 * objects and refs are fsynced (an acknowledged save must survive power loss), and lock files a
 * killed process left behind are removed (a stale {@code main.lock} would block every later save).
 * Called once at start, while this process is the repository's only writer.
 */
final class RepositoryOpener {
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryOpener.class);
    /** JGit's switch to fsync each loose object it writes (plain git's older name for it). */
    private static final String FSYNC_OBJECT_FILES = "fsyncObjectFiles";

    private RepositoryOpener() {}

    /**
     * JGit's object caches, sized for a wiki's history rather than JGit's defaults (10 MiB of
     * pack windows, 10 MiB of delta bases per reader): a folder of 20,000 pages is a 1.3 MB tree
     * stored as a chain of deltas, so with the defaults every commit's tree is rebuilt from far
     * down its chain. Process-wide, installed once before the first repository opens.
     */
    private static void sizeObjectCaches() {
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(PACK_WINDOWS_BYTES);
        config.setPackedGitWindowSize(PACK_WINDOW_BYTES);
        config.setDeltaBaseCacheLimit(DELTA_BASES_BYTES);
        config.install();
    }

    private static final long PACK_WINDOWS_BYTES = 64L << 20;
    private static final int PACK_WINDOW_BYTES = 64 << 10;
    private static final int DELTA_BASES_BYTES = 16 << 20;

    static {
        sizeObjectCaches();
    }

    /** Opens {@code gitDir}, or creates it as a bare repository on branch {@code main}. */
    static Repository openOrCreate(Path gitDir) throws IOException {
        boolean exists = Files.isRegularFile(gitDir.resolve("HEAD"));
        Repository repository;
        if (exists) {
            repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
        } else {
            Files.createDirectories(gitDir);
            try (Git git = Git.init().setBare(true).setGitDir(gitDir.toFile())
                    .setInitialBranch(ContentStore.BRANCH_NAME).call()) {
                repository = git.getRepository();
                repository.incrementOpen();
            } catch (GitAPIException e) {
                throw new IOException("Could not create the repository " + gitDir, e);
            }
            LOG.info("Created content repository {}", gitDir);
        }
        makeDurable(repository);
        removeStaleLocks(gitDir);
        return repository;
    }

    /**
     * Opens an existing repository that a running server may be writing to: JGit's fsync
     * switches are set in memory only, and no lock file is touched (it may be the server's).
     */
    static Repository openShared(Path gitDir) throws IOException {
        if (!Files.isRegularFile(gitDir.resolve("HEAD"))) {
            throw new java.io.FileNotFoundException(gitDir.resolve("HEAD").toString());
        }
        Repository repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
        applyJGitDurability(repository);
        return repository;
    }

    /**
     * Plain git reads {@code core.fsync}; it is written to the file so that pushes and other git
     * commands on this repository are durable too. JGit's own switches are applied in memory
     * ({@link #applyJGitDurability}) rather than written, because git warns on every command
     * about the deprecated {@code core.fsyncObjectFiles}.
     */
    private static void makeDurable(Repository repository) throws IOException {
        StoredConfig config = repository.getConfig();
        String core = ConfigConstants.CONFIG_CORE_SECTION;
        boolean changed = false;
        if (config.getString(core, null, "fsync") == null) {
            config.setString(core, null, "fsync", "committed");
            changed = true;
        }
        if (config.getString(core, null, FSYNC_OBJECT_FILES) != null) {
            config.unset(core, null, FSYNC_OBJECT_FILES);
            changed = true;
        }
        if (changed) {
            config.save();
        }
        applyJGitDurability(repository);
    }

    /** Whether objects written to {@code repository} are to be fsynced, as JGit does its own. */
    static boolean fsyncsObjects(Repository repository) {
        return repository.getConfig().getBoolean(ConfigConstants.CONFIG_CORE_SECTION, FSYNC_OBJECT_FILES, false);
    }

    /**
     * Makes JGit fsync objects and refs (both off by default), and write the loose objects a save
     * makes without compression. Called again before each commit, since JGit re-reads the config
     * file when it changes on disk and would drop these values.
     *
     * <p>Why no compression: a save rewrites every tree on its path, and a folder of 20,000 pages
     * is a 1.36 MB tree. Deflating it took 18 ms even at zlib's fastest level (more than the rest
     * of the save), storing it takes 0.5 ms, and the larger file costs about 2.5 ms more to fsync.
     * Reading it back is a copy instead of an inflate. The price is disk: loose objects are about
     * twice as large until {@code git gc} packs them (with deltas, a few KB a save; see
     * docs/DEPLOYMENT.md). Packs keep the default level ({@code pack.compression}), so
     * {@code git gc} and clones compress as before. A level set in the config file is left alone.
     */
    static void applyJGitDurability(Repository repository) {
        StoredConfig config = repository.getConfig();
        String core = ConfigConstants.CONFIG_CORE_SECTION;
        if (!config.getBoolean(core, FSYNC_OBJECT_FILES, false) || !config.getBoolean(core, "fsyncRefFiles", false)) {
            config.setBoolean(core, null, FSYNC_OBJECT_FILES, true);
            config.setBoolean(core, null, "fsyncRefFiles", true);
        }
        if (config.getString(core, null, ConfigConstants.CONFIG_KEY_COMPRESSION) == null) {
            String pack = ConfigConstants.CONFIG_PACK_SECTION;
            if (config.getString(pack, null, ConfigConstants.CONFIG_KEY_COMPRESSION) == null) {
                config.setInt(pack, null, ConfigConstants.CONFIG_KEY_COMPRESSION, Deflater.DEFAULT_COMPRESSION);
            }
            config.setInt(core, null, ConfigConstants.CONFIG_KEY_COMPRESSION, Deflater.NO_COMPRESSION);
        }
    }

    /** Deletes {@code *.lock} files under refs/ and at the top (HEAD.lock, packed-refs.lock). */
    private static void removeStaleLocks(Path gitDir) throws IOException {
        List<Path> locks = new ArrayList<>();
        for (String name : List.of("HEAD.lock", "packed-refs.lock", "config.lock", "index.lock")) {
            Path lock = gitDir.resolve(name);
            if (Files.exists(lock)) {
                locks.add(lock);
            }
        }
        Path refs = gitDir.resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> walk = Files.walk(refs)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".lock")).forEach(locks::add);
            }
        }
        for (Path lock : locks) {
            Files.deleteIfExists(lock);
            LOG.warn("Removed stale lock file {} left by an earlier process", lock);
        }
    }
}
