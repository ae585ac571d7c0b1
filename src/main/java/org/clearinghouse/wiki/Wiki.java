package org.clearinghouse.wiki;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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

    private Wiki(ContentStore store, MarkdownRenderer renderer) {
        this.store = store;
        this.renderer = renderer;
        this.builder = new SnapshotBuilder(store, renderer);
    }

    /** Opens the wiki on a store, building the head snapshot before returning. */
    public static Wiki open(ContentStore store, MarkdownRenderer renderer) {
        Wiki wiki = new Wiki(store, renderer);
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
