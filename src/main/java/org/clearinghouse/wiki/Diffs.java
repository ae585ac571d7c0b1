package org.clearinghouse.wiki;

import java.util.List;
import java.util.Optional;
import org.clearinghouse.page.BlameLine;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.search.RevisionEntry;
import org.clearinghouse.store.ContentStore;

/**
 * Compares two revisions of a page, and says who last changed each line. Revisions are
 * resolved through {@link History}, so a page renamed since is read under the name it had at
 * each revision. When {@code to} is not given it is the page's newest change; when {@code from}
 * is not given it is the change before {@code to} (nothing, for the page's first revision).
 * Thread-safe.
 */
final class Diffs {
    private final ContentStore store;
    private final History history;

    Diffs(ContentStore store, History history) {
        this.store = store;
        this.history = history;
    }

    /** Which two versions of which files are compared. */
    private record Range(Optional<String> fromCommit, String toCommit, Optional<PagePath> fromName, PagePath toName,
            Optional<String> oldBlob, Optional<String> newBlob) {}

    PageDiff diff(PagePath path, Optional<String> from, Optional<String> to) {
        Range range = resolve(path, from, to);
        DiffLayout.Views views = DiffLayout.layout(text(range.oldBlob()), text(range.newBlob()));
        return new PageDiff(path, range.fromCommit().map(store::revision), store.revision(range.toCommit()),
                range.oldBlob().isPresent() ? range.fromName() : Optional.empty(),
                range.newBlob().map(blob -> range.toName()), views.sideBySide(), views.inline());
    }

    /** The diff as {@code git diff} prints it: what the API serves as {@code text/x-diff}. */
    String unified(PagePath path, Optional<String> from, Optional<String> to) {
        Range range = resolve(path, from, to);
        String fromCommit = range.fromCommit().orElse(range.toCommit());
        Optional<String> fromFile = range.fromCommit().flatMap(c -> range.fromName()).map(PagePath::fileName);
        return store.unifiedDiff(fromCommit, fromFile, range.toCommit(), Optional.of(range.toName().fileName()));
    }

    /** Each line of the page at {@code revision} (the newest when empty) with its last change. */
    List<BlameLine> blame(PagePath path, Optional<String> revision, Snapshot snapshot) {
        String commit = revision.map(history::commit).orElse(snapshot.commitId());
        PagePath name = revision.isPresent() ? history.nameAt(path, commit) : path;
        return store.blame(commit, name.fileName()).orElseThrow(() -> new PageNotFoundException(revision.isPresent()
                ? "The page " + path + " did not exist at revision " + revision.get() + "."
                : "There is no page " + path + "."));
    }

    private Range resolve(PagePath path, Optional<String> from, Optional<String> to) {
        String toCommit = to.map(history::commit).orElseGet(() -> history.latest(path)
                .map(entry -> entry.revision().id())
                .orElseThrow(() -> new PageNotFoundException("There is no page " + path + " and never was.")));
        Optional<String> fromCommit = from.map(history::commit)
                .or(() -> history.previous(path, toCommit).map(RevisionEntry::revision).map(r -> r.id()));
        PagePath toName = history.nameAt(path, toCommit);
        Optional<PagePath> fromName = fromCommit.map(commit -> history.nameAt(path, commit));
        Optional<String> oldBlob = fromCommit.flatMap(commit -> store.blobIdAt(commit, fromName.get().fileName()));
        Optional<String> newBlob = store.blobIdAt(toCommit, toName.fileName());
        if (oldBlob.isEmpty() && newBlob.isEmpty()) {
            throw new PageNotFoundException("The page " + path + " existed at neither of these revisions.");
        }
        return new Range(fromCommit, toCommit, fromName, toName, oldBlob, newBlob);
    }

    private String text(Optional<String> blob) {
        return blob.map(id -> PageText.decode(store.blob(id))).orElse("");
    }
}
