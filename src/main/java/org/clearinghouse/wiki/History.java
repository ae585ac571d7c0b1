package org.clearinghouse.wiki;

import java.util.Optional;
import java.util.regex.Pattern;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.search.ChangeQuery;
import org.clearinghouse.search.RevisionEntry;
import org.clearinghouse.search.RevisionIndex;
import org.clearinghouse.search.RevisionPage;
import org.clearinghouse.store.ContentStore;

/**
 * Page history and recent changes, answered from the revision index (never by walking Git), and
 * the revision arguments people type checked on the way in: anything but 4 to 40 hex digits is a
 * bad request; hex that names no commit is not found. Thread-safe.
 */
final class History {
    /** Page size when the caller does not say, and the most a caller may ask for. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,40}");

    private final ContentStore store;
    private final RevisionIndex index;

    History(ContentStore store, RevisionIndex index) {
        this.store = store;
        this.index = index;
    }

    /** The page's revisions, newest first, following renames; not found when it has none. */
    RevisionPage of(PagePath path, int limit, Optional<String> before) {
        Optional<String> cursor = before.map(this::commit);
        RevisionPage page = index.history(path.toString(), clamp(limit), cursor);
        if (page.entries().isEmpty() && cursor.isEmpty()) {
            throw new PageNotFoundException("There is no page " + path + " and never was.");
        }
        return page;
    }

    /** Recent changes across the wiki, newest first. */
    RevisionPage changes(ChangeQuery query, Optional<String> before) {
        return index.changes(query, before.map(this::commit));
    }

    /** The newest change of the page, if it has any. */
    Optional<RevisionEntry> latest(PagePath path) {
        return index.history(path.toString(), 1, Optional.empty()).entries().stream().findFirst();
    }

    /**
     * The newest change of the page (under the name it has in {@code commit}'s tree) at or before
     * {@code commit}: an index lookup instead of a walk of Git's history. Empty when the index
     * does not hold the commit (one not on the branch, say).
     */
    Optional<Revision> lastChangeAt(PagePath path, String commit) {
        return index.changeAt(path.toString(), commit).map(RevisionEntry::revision);
    }

    /** The change of the page before {@code commit}, if there is one. */
    Optional<RevisionEntry> previous(PagePath path, String commit) {
        return index.history(path.toString(), 1, Optional.of(commit)).entries().stream().findFirst();
    }

    /** The name the page now called {@code path} had at {@code commit} (before any later rename). */
    PagePath nameAt(PagePath path, String commit) {
        return PagePath.tryOf(index.nameAt(path.toString(), commit)).orElse(path);
    }

    /**
     * A revision as typed, resolved to a full commit id.
     *
     * @throws BadRequestException when it is not 4 to 40 hex digits
     * @throws org.clearinghouse.page.RevisionNotFoundException when no commit has that id
     */
    String commit(String revision) {
        if (revision == null || !HEX.matcher(revision.strip()).matches()) {
            throw new BadRequestException("A revision is a commit id: 4 to 40 hexadecimal digits.");
        }
        return store.resolveCommit(revision.strip());
    }

    static int clamp(int limit) {
        return limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }
}
