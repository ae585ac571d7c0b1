package org.clearinghouse.wiki;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.BlameLine;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.page.WikiException;
import org.clearinghouse.render.LinkResolver;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.render.RenderedPage;
import org.clearinghouse.search.ChangeQuery;
import org.clearinghouse.search.RevisionPage;
import org.clearinghouse.search.SearchRequest;
import org.clearinghouse.search.SearchResults;
import org.clearinghouse.search.TitleSuggestion;
import org.clearinghouse.store.CentralRemote;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.PushRules;
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
    /** Set under {@link #refreshLock} when closing: no refresh may read the store after it. */
    private boolean closed;

    private final PageEditor editor;
    private final FileOperations files;
    private final PushRules pushRules;
    private volatile Optional<CentralSync> central = Optional.empty();
    private final DerivedIndexes derived;
    private final Optional<History> history;
    private final Optional<Diffs> diffs;
    private final Optional<PageReverter> reverter;
    private final PrintPackets packets = new PrintPackets(this::view);

    private Wiki(ContentStore store, MarkdownRenderer renderer, WikiLimits limits, Optional<Path> indexDir) {
        this.store = store;
        this.renderer = renderer;
        this.builder = new SnapshotBuilder(store, renderer);
        this.editor = new PageEditor(store, renderer, limits, current::get);
        this.files = new FileOperations(store, editor, limits, this::snapshot);
        this.pushRules = new PushRulesOfTheWiki(renderer, limits);
        this.derived = new DerivedIndexes(indexDir, store, renderer, builder);
        this.history = derived.revisionIndex().map(index -> new History(store, index));
        this.diffs = history.map(h -> new Diffs(store, h));
        this.reverter = history.map(h -> new PageReverter(editor, h, store));
    }

    /** Opens the wiki on a store with the default limits and no derived indexes (no search). */
    public static Wiki open(ContentStore store, MarkdownRenderer renderer) {
        return open(store, renderer, WikiLimits.DEFAULT);
    }

    /** Opens the wiki on a store with no derived indexes (no search). */
    public static Wiki open(ContentStore store, MarkdownRenderer renderer, WikiLimits limits) {
        return open(store, renderer, limits, Optional.empty());
    }

    /**
     * Opens the wiki on a store, building the head snapshot and bringing every derived index
     * under {@code indexDir} up to the head (by catching up, or rebuilding) before returning.
     */
    public static Wiki open(ContentStore store, MarkdownRenderer renderer, WikiLimits limits,
            Optional<Path> indexDir) {
        Wiki wiki = new Wiki(store, renderer, limits, indexDir);
        String head = store.head().orElseThrow(() -> new IllegalStateException("The repository has no commit"));
        wiki.current.set(wiki.derived.start(head, wiki::prepareInBackground));
        return wiki;
    }

    /**
     * Opens the wiki for the {@code reindex} command: like {@link #open(ContentStore,
     * MarkdownRenderer, WikiLimits, Optional)}, but the {@code chosen} derived data is rebuilt from
     * Git rather than brought up to date (so nothing is built twice), with progress per index.
     */
    public static Wiki openRebuilding(ContentStore store, MarkdownRenderer renderer, Path indexDir,
            Set<Rebuild> chosen, java.util.function.BiConsumer<String, Integer> progress) {
        Wiki wiki = new Wiki(store, renderer, WikiLimits.DEFAULT, Optional.of(indexDir));
        String head = store.head().orElseThrow(() -> new IllegalStateException("The repository has no commit"));
        wiki.current.set(wiki.derived.startRebuilding(head, chosen, progress));
        return wiki;
    }

    /** Builds the snapshot's backlinks and tags beside the rest of the start (see {@link Snapshot#prepare}). */
    private void prepareInBackground(Snapshot snapshot) {
        Thread thread = new Thread(snapshot::prepare, "snapshot-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    /** Searches the pages; empty results when this wiki has no search index. */
    public SearchResults search(SearchRequest request) {
        return derived.searchIndex().map(index -> index.search(request)).orElseGet(SearchResults::empty);
    }

    /** Every page matching the filters, by title, with facet counts: browsing without a query. */
    public SearchResults browse(Optional<String> tag, Optional<String> audience, Optional<String> type,
            int limit, int offset) {
        return derived.searchIndex().map(index -> index.browse(tag, audience, type, limit, offset))
                .orElseGet(SearchResults::empty);
    }

    /**
     * Shares this wiki through a central Git repository: syncs every {@code seconds} and soon
     * after each local change (see {@link CentralSync}).
     */
    public void connectCentral(String url, long seconds) {
        CentralSync sync = new CentralSync(store, new CentralRemote(store, url), editor, this::refresh);
        central = Optional.of(sync);
        sync.start(seconds);
    }

    /** Syncs with the central repository now; empty when there is none. */
    public Optional<SyncStatus> syncNow() {
        return central.map(CentralSync::syncNow);
    }

    /** How the last sync with the central repository went; empty when there is none. */
    public Optional<SyncStatus> syncStatus() {
        return central.map(CentralSync::status);
    }

    private void changed() {
        refresh();
        central.ifPresent(CentralSync::requestSoon);
    }

    /** The checks a push must pass, the same as a save's. */
    public PushRules pushRules() {
        return pushRules;
    }

    /** Page titles for search-as-you-type. */
    public List<TitleSuggestion> suggest(String prefix, int limit) {
        return derived.searchIndex().map(index -> index.suggest(prefix, limit)).orElseGet(List::of);
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
            if (closed) {
                // A save that committed just before the stop: its commit is durable and the
                // indexes catch up with it at the next start; the closing store must not be read.
                return false;
            }
            Snapshot before = current.get();
            Optional<String> head = store.head();
            if (head.isEmpty() || head.get().equals(before.commitId())) {
                return false;
            }
            Snapshot next = builder.advance(before, head.get());
            // Indexes first, then the snapshot: once a reader can see a page it can also find it in
            // search and in history (a page visible before its index entry looked missing there).
            derived.catchUp(next);
            current.set(next);
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
        // The revision index answers without walking Git; a commit it does not hold falls back to a walk.
        Revision lastChange = history.flatMap(h -> h.lastChangeAt(path, commit))
                .or(() -> store.lastChange(commit, path.fileName())).orElseGet(() -> store.revision(commit));
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
        changed();
        return result;
    }

    /** Renames a page (its text moves unchanged, so Git sees a rename); answers the new commit. */
    public String rename(PagePath from, PagePath to, String message, Author author) {
        String commit = files.rename(from, to, messageOr(message, "Rename " + from + " to " + to), author);
        changed();
        return commit;
    }

    /** Deletes a page; its history stays in Git. Answers the new commit. */
    public String delete(PagePath path, String message, Author author) {
        String commit = files.delete(path, messageOr(message, "Delete " + path), author);
        changed();
        return commit;
    }

    /** Writes every page and attachment at the head into {@code folder} as plain files. */
    public ExportReport exportTo(java.nio.file.Path folder) {
        return new FolderExport(store).write(store.head().orElseThrow(), folder);
    }

    /**
     * Commits the pages and attachments of a plain folder as one commit on top of the head, with
     * the checks of a save; answers the commit, or empty when nothing differed.
     *
     * @throws org.clearinghouse.page.BadRequestException naming every file refused; nothing written
     */
    public Optional<String> importFrom(java.nio.file.Path folder, String message, Author author) {
        Optional<String> commit = new FolderImport(store, editor, renderer, editor.limits())
                .run(folder, message, author);
        refresh();
        return commit;
    }

    /** Stores an attachment (not a page) at {@code path}; answers the new commit. */
    public String putFile(String path, byte[] bytes, String message, Author author) {
        String commit = files.put(path, bytes, messageOr(message, "Upload " + path), author);
        changed();
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

    /** A page and its sub-pages as one printable document: see {@link PrintPackets}. */
    public PrintPacket packet(PagePath path) {
        return packets.packet(snapshot(), path);
    }

    /** The page templates offered when creating a page (pages under {@code _templates/}), by name. */
    public List<PageEntry> templates() {
        return PageTemplates.list(snapshot());
    }

    /** Whether a page is a template: kept out of search, the sitemap and print packets. */
    public static boolean isTemplate(PagePath path) {
        return PageTemplates.isTemplate(path);
    }

    /**
     * The text a new page starts with: the named template ({@code Career-Day-Toolkit} for
     * {@code _templates/Career-Day-Toolkit}) with its title set to the page's name, or a bare front matter.
     */
    public String startingText(PagePath path, Optional<String> template) {
        return PageTemplates.startingText(snapshot(), path, template, p -> view(p).markdown());
    }

    /** A page's revisions, newest first, following renames; {@code before} is a commit to page back from. */
    public RevisionPage history(PagePath path, int limit, Optional<String> before) {
        return historyIndex().of(path, limit, before);
    }

    /** Recent changes across the wiki, newest first, filtered; {@code before} is a commit to page back from. */
    public RevisionPage changes(ChangeQuery query, Optional<String> before) {
        return historyIndex().changes(query, before);
    }

    /** Two revisions of a page compared; see {@link Diffs} for the defaults of {@code from} and {@code to}. */
    public PageDiff diff(PagePath path, Optional<String> from, Optional<String> to) {
        historyIndex();
        return diffs.orElseThrow().diff(path, from, to);
    }

    /** The same comparison as {@code git diff} prints it. */
    public String unifiedDiff(PagePath path, Optional<String> from, Optional<String> to) {
        historyIndex();
        return diffs.orElseThrow().unified(path, from, to);
    }

    /** Each line of the page (now, or at {@code revision}) with the revision that last changed it. */
    public List<BlameLine> blame(PagePath path, Optional<String> revision) {
        historyIndex();
        return diffs.orElseThrow().blame(path, revision, snapshot());
    }

    /** Saves the page's text at {@code revision} as a new commit by {@code author}; history is kept. */
    public SaveResult revert(PagePath path, String revision, String message, Author author) {
        historyIndex();
        SaveResult result = reverter.orElseThrow().revert(path, revision, message, author);
        changed();
        return result;
    }

    private History historyIndex() {
        return history.orElseThrow(() -> new IllegalStateException("This wiki was opened without a revision index"));
    }

    /** The pages linking to {@code path}. */
    public List<PageEntry> backlinks(PagePath path) {
        return snapshot().backlinks(path);
    }

    private PageView render(PagePath path, String blobId, Revision lastChange, Optional<String> revision,
            Snapshot snapshot) {
        // The text is read from Git only when something needs it: a cached rendering does not.
        Supplier<String> markdown = Lazy.of(() -> PageText.decode(store.blob(blobId)));
        LinkResolver links = snapshot;
        try {
            RenderedPage page = renderCache.get(path, blobId, links,
                    () -> renderer.renderUnderTitle(markdown.get(), path, links));
            return new PageView(path, page.outline().title(path), page.outline().metadata(), markdown,
                    Optional.of(page.html()), Optional.empty(), page.headings(), lastChange, revision,
                    blobId, snapshot.backlinks(path));
        } catch (WikiException e) {
            var outline = renderer.outline(markdown.get(), path);
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
        editor.close(); // lets a save in progress finish, then refuses new ones
        central.ifPresent(CentralSync::stop);
        synchronized (refreshLock) {
            closed = true;
            derived.close(snapshot());
        }
        store.close();
    }
}
