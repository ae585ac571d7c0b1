package org.clearinghouse.wiki;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.EditConflictException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.PageTooLargeException;
import org.clearinghouse.page.UnavailableException;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.CommitRejectedException;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.TextMerge;

/**
 * Saves a page: one user action, one commit, and never a lost edit. The save carries the
 * revision the editor started from; when the page changed since, the editor's text is merged
 * three-way with the current one (Git's algorithm). A clean merge is committed; a conflict writes
 * nothing and hands all three texts back. The branch moves by compare-and-swap; losing the race
 * to another writer re-runs the save on the new head. Thread-safe.
 */
final class PageEditor {
    private static final int MAX_ATTEMPTS = 50;
    private static final int HEAD_READS = 10;

    private final ContentStore store;
    private final MarkdownRenderer renderer;
    private final WikiLimits limits;
    /** The wiki's current snapshot, which knows each page's blob at its commit without a tree read. */
    private final Supplier<Snapshot> snapshot;

    /**
     * Writers in this process take turns (fairly), so sixteen editors saving at once queue up
     * instead of starving each other on compare-and-swap retries. The compare-and-swap still
     * guards against writers outside the process, such as a {@code git push}.
     */
    private final ReentrantLock writers = new ReentrantLock(true);

    /** Set once by {@link #close()}; read and written under {@link #writers}. */
    private boolean closed;

    PageEditor(ContentStore store, MarkdownRenderer renderer, WikiLimits limits, Supplier<Snapshot> snapshot) {
        this.store = store;
        this.renderer = renderer;
        this.limits = limits;
        this.snapshot = snapshot;
    }

    SaveResult save(PagePath path, String markdown, String message, Optional<String> baseRevision, Author author) {
        String text = normalise(markdown);
        writers.lock();
        try {
            refuseWhenClosed();
            return saveLocked(path, text, message, baseRevision, author);
        } finally {
            writers.unlock();
        }
    }

    private SaveResult saveLocked(PagePath path, String text, String message, Optional<String> baseRevision,
            Author author) {
        if (text.getBytes(StandardCharsets.UTF_8).length > limits.maxPageBytes()) {
            throw new PageTooLargeException("A page may hold at most " + limits.maxPageBytes() / 1024
                    + " KiB of text; this one is larger. Split it into several pages.");
        }
        renderer.checkFrontMatter(text);
        Optional<String> base = baseRevision.map(store::resolveCommit);
        String file = path.fileName();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<String> head = Optional.of(readHead());
            Optional<String> current = head.flatMap(h -> blobAt(h, path)).map(this::read);
            String toCommit = text;
            boolean merged = false;
            if (base.isPresent() && current.isPresent() && !base.equals(head)
                    && !unchangedSince(base.get(), head.get(), path)) {
                String baseText = store.blobIdAt(base.get(), file).map(this::read).orElse("");
                if (!baseText.equals(current.get()) && !text.equals(current.get())) {
                    TextMerge.Result merge = TextMerge.merge(baseText, text, current.get());
                    if (merge.conflicted()) {
                        throw new EditConflictException(text, current.get(), merge.text(), head.orElseThrow());
                    }
                    merged = !merge.text().equals(text);
                    toCommit = merge.text();
                }
            }
            if (current.isPresent() && current.get().equals(toCommit)) {
                String unchanged = store.lastChange(head.orElseThrow(), file).map(r -> r.id()).orElseThrow();
                return new SaveResult(unchanged, false, merged, false);
            }
            try {
                String commit = store.commit(head, Map.of(file, Optional.of(toCommit.getBytes(StandardCharsets.UTF_8))),
                        author, message);
                return new SaveResult(commit, current.isEmpty(), merged, true);
            } catch (CommitRejectedException lostRace) {
                // Someone else committed first: rebuild on the new head (merging again if needed).
            }
        }
        throw new UnavailableException("The page could not be saved: the branch kept moving; nothing was saved. Try again in a moment.");
    }

    /** Commits a change of files (rename, delete, upload) built on the head, retrying on races. */
    String commitFiles(java.util.function.Function<String, Map<String, Optional<byte[]>>> changesAtHead,
            Author author, String message) {
        writers.lock();
        try {
            refuseWhenClosed();
            return commitFilesLocked(changesAtHead, author, message);
        } finally {
            writers.unlock();
        }
    }

    private String commitFilesLocked(java.util.function.Function<String, Map<String, Optional<byte[]>>> changesAtHead,
            Author author, String message) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String head = readHead();
            Map<String, Optional<byte[]>> changes = new LinkedHashMap<>(changesAtHead.apply(head));
            try {
                return store.commit(Optional.of(head), changes, author, message);
            } catch (CommitRejectedException lostRace) {
                // Re-check the preconditions against the new head and try again.
            }
        }
        throw new UnavailableException("The change could not be committed: the branch kept moving; nothing was saved. Try again in a moment.");
    }

    /**
     * The page's blob at {@code commit}. At the head the snapshot answers by lookup: reading the
     * tree means inflating and scanning a whole folder, which for 20,000 pages in one folder cost
     * several milliseconds of every save. A head the snapshot has not caught up with yet (a push
     * just landed) is read from Git.
     */
    private Optional<String> blobAt(String commit, PagePath path) {
        Optional<Snapshot> known = snapshotAt(commit);
        return known.isPresent() ? known.get().page(path).map(PageEntry::blobId)
                : store.blobIdAt(commit, path.fileName());
    }

    /**
     * True when the page is known not to have changed since {@code base}: the snapshot at the head
     * names {@code base} as the page's last change, so its text there is the text at the head and
     * there is nothing to merge. Editors send the revision they read, which is that last change;
     * reading the page at an old commit means rebuilding a wide folder's tree from its deltas.
     */
    private boolean unchangedSince(String base, String head, PagePath path) {
        return snapshotAt(head).flatMap(known -> known.page(path))
                .map(entry -> entry.lastChange().id().equals(base)).orElse(false);
    }

    /** The wiki's snapshot when it reflects {@code commit}; empty while it has not caught up. */
    private Optional<Snapshot> snapshotAt(String commit) {
        return Optional.ofNullable(snapshot.get()).filter(known -> known.commitId().equals(commit));
    }

    private String read(String blobId) {
        return PageText.decode(store.blob(blobId));
    }

    /** Runs {@code work} while no save or file change can run (e.g. a sync with a central repository). */
    <T> T exclusive(java.util.function.Supplier<T> work) {
        writers.lock();
        try {
            return work.get();
        } finally {
            writers.unlock();
        }
    }

    /**
     * The head, which a wiki that is open always has (only seeding builds the first commit). A
     * read that finds no branch is refused rather than trusted: during JVM shutdown JGit's own
     * shutdown hook can make a ref read come back empty for a moment, and building on "no head"
     * would commit a new root and reset the branch. A few brief retries ride that out.
     */
    private String readHead() {
        for (int attempt = 0; attempt < HEAD_READS; attempt++) {
            Optional<String> head = store.head();
            if (head.isPresent()) {
                return head.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new UnavailableException("The branch could not be read; nothing was saved. Try again in a moment.");
    }

    /** The size limits every write is checked against. */
    WikiLimits limits() {
        return limits;
    }

    /**
     * Waits for the write in progress, then refuses every later one: the repository is about to
     * close, and a commit racing the close could move the branch from a stale view of it.
     */
    void close() {
        writers.lock();
        try {
            closed = true;
        } finally {
            writers.unlock();
        }
    }

    private void refuseWhenClosed() {
        if (closed) {
            throw new UnavailableException("The wiki is stopping; nothing was saved. Try again in a moment.");
        }
    }

    /** Browsers send CRLF from textareas; the repository keeps LF line endings. */
    static String normalise(String markdown) {
        return markdown.replace("\r\n", "\n").replace('\r', '\n');
    }
}
