package org.clearinghouse.wiki;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.page.WikiException;
import org.clearinghouse.render.LinkResolver;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.render.RenderedPage;
import org.clearinghouse.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's facade: every use case the web layer needs, in terms of pages and revisions.
 * Reads at the head come from the current {@link Snapshot} (no Git walk, no lock); reads at an
 * older revision come from Git. Thread-safe.
 */
public final class Wiki implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wiki.class);
    private static final int RENDER_CACHE_ENTRIES = 20_000;

    private final ContentStore store;
    private final MarkdownRenderer renderer;
    private final SnapshotBuilder builder;
    private final RenderCache renderCache = new RenderCache(RENDER_CACHE_ENTRIES);
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Object refreshLock = new Object();

    private final PageEditor editor;
    private final FileOperations files;

    private Wiki(ContentStore store, MarkdownRenderer renderer, WikiLimits limits) {
        this.store = store;
        this.renderer = renderer;
        this.builder = new SnapshotBuilder(store, renderer);
        this.editor = new PageEditor(store, renderer, limits);
        this.files = new FileOperations(store, editor, limits, this::snapshot);
    }

    /** Opens the wiki on a store with the default limits, building the head snapshot. */
    public static Wiki open(ContentStore store, MarkdownRenderer renderer) {
        return open(store, renderer, WikiLimits.DEFAULT);
    }

    /** Opens the wiki on a store, building the head snapshot before returning. */
    public static Wiki open(ContentStore store, MarkdownRenderer renderer, WikiLimits limits) {
        Wiki wiki = new Wiki(store, renderer, limits);
        long started = System.nanoTime();
        String head = store.head().orElseThrow(() -> new IllegalStateException("The repository has no commit"));
        wiki.current.set(wiki.builder.build(head));
        LOG.info("Read {} pages at {} in {} ms", wiki.snapshot().pages().size(), head.substring(0, 7),
                (System.nanoTime() - started) / 1_000_000);
        return wiki;
    }

    /** The current head snapshot. */
    public Snapshot snapshot() {
        return current.get();
    }

    /**
     * Catches up with the branch if it moved (a commit from outside, e.g. a push), by diffing
     * trees. Cheap when nothing changed: one ref read.
     *
     * @return true when the snapshot changed
     */
    public boolean refresh() {
        synchronized (refreshLock) {
            Snapshot before = current.get();
            Optional<String> head = store.head();
            if (head.isEmpty() || head.get().equals(before.commitId())) {
                return false;
            }
            current.set(builder.advance(before, head.get()));
            LOG.info("Caught up from {} to {}", before.commitId().substring(0, 7), head.get().substring(0, 7));
            return true;
        }
    }

    /** The page as it is now. */
    public PageView view(PagePath path) {
        Snapshot snapshot = snapshot();
        PageEntry entry = snapshot.page(path).orElseThrow(() -> notFound(path));
        return render(path, entry.blobId(), entry.lastChange(), Optional.empty(), snapshot);
    }

    /** The page as it was at {@code revision} (4 to 40 hex digits). */
    public PageView viewAt(PagePath path, String revision) {
        String commit = store.resolveCommit(revision);
        String blobId = store.blobIdAt(commit, path.fileName()).orElseThrow(() -> new PageNotFoundException(
                "The page " + path + " did not exist at revision " + revision + "."));
        Revision lastChange = store.lastChange(commit, path.fileName()).orElseGet(() -> store.revision(commit));
        return render(path, blobId, lastChange, Optional.of(commit), snapshot());
    }

    /** An attachment at the head, or at {@code revision}. */
    public Attachment attachment(String path, Optional<String> revision) {
        Optional<String> blobId = revision.isEmpty()
                ? snapshot().attachment(path)
                : store.blobIdAt(store.resolveCommit(revision.get()), path);
        String blob = blobId.orElseThrow(() -> new PageNotFoundException("There is no file " + path + "."));
        return new Attachment(path, blob, store.blob(blob));
    }

    /**
     * Saves a page as one commit by {@code author}, merging with changes made since
     * {@code baseRevision}. When this returns, every view of the wiki already shows the save.
     *
     * @throws org.clearinghouse.page.EditConflictException when the changes overlap; nothing written
     */
    public SaveResult save(PagePath path, String markdown, String message, Optional<String> baseRevision,
            Author author) {
        SaveResult result = editor.save(path, markdown, messageOr(message, "Update " + path), baseRevision, author);
        refresh();
        return result;
    }

    /** Renames a page (its text moves unchanged, so Git sees a rename); answers the new commit. */
    public String rename(PagePath from, PagePath to, String message, Author author) {
        String commit = files.rename(from, to, messageOr(message, "Rename " + from + " to " + to), author);
        refresh();
        return commit;
    }

    /** Deletes a page; its history stays in Git. Answers the new commit. */
    public String delete(PagePath path, String message, Author author) {
        String commit = files.delete(path, messageOr(message, "Delete " + path), author);
        refresh();
        return commit;
    }

    /** Stores an attachment (not a page) at {@code path}; answers the new commit. */
    public String putFile(String path, byte[] bytes, String message, Author author) {
        String commit = files.put(path, bytes, messageOr(message, "Upload " + path), author);
        refresh();
        return commit;
    }

    /** Renders Markdown exactly as a save of it would show, without saving. */
    public RenderedPage preview(PagePath path, String markdown) {
        String text = PageEditor.normalise(markdown);
        renderer.checkFrontMatter(text);
        return renderer.render(text, path, snapshot());
    }

    /** The attachments stored under a page's own folder ({@code Page/file.pdf}), sorted. */
    public List<String> attachmentsOf(PagePath path) {
        return snapshot().attachmentsUnder(path.toString() + "/");
    }

    private static String messageOr(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message.strip();
    }

    /** The pages linking to {@code path}. */
    public List<PageEntry> backlinks(PagePath path) {
        return snapshot().backlinks(path);
    }

    private PageView render(PagePath path, String blobId, Revision lastChange, Optional<String> revision,
            Snapshot snapshot) {
        String markdown = PageText.decode(store.blob(blobId));
        LinkResolver links = snapshot;
        try {
            RenderedPage page = renderCache.get(path, blobId, links,
                    () -> renderer.render(markdown, path, links));
            return new PageView(path, page.outline().title(path), page.outline().metadata(), markdown,
                    Optional.of(page.html()), Optional.empty(), page.headings(), lastChange, revision,
                    blobId, snapshot.backlinks(path));
        } catch (WikiException e) {
            var outline = renderer.outline(markdown, path);
            return new PageView(path, outline.title(path), outline.metadata(), markdown, Optional.empty(),
                    Optional.of(e.getMessage()), List.of(), lastChange, revision, blobId,
                    snapshot.backlinks(path));
        }
    }

    private static PageNotFoundException notFound(PagePath path) {
        return new PageNotFoundException("There is no page " + path + " yet.");
    }

    @Override
    public void close() {
        store.close();
    }
}
