package org.clearinghouse.wiki;

import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.store.ContentStore;

/**
 * Reverts a page to an old revision by saving that revision's text as a new commit, through
 * the ordinary save path: one commit, the indexes follow, and history is never rewritten. A page
 * renamed since is read under the name it had then; a deleted page comes back. Thread-safe.
 */
final class PageReverter {
    private final PageEditor editor;
    private final History history;
    private final ContentStore store;

    PageReverter(PageEditor editor, History history, ContentStore store) {
        this.editor = editor;
        this.history = history;
        this.store = store;
    }

    /**
     * Makes the page's text equal to its text at {@code revision}.
     *
     * @return the save: {@code changed} is false (and no commit made) when the text is already that
     */
    SaveResult revert(PagePath path, String revision, String message, Author author) {
        String commit = history.commit(revision);
        PagePath then = history.nameAt(path, commit);
        String blob = store.blobIdAt(commit, then.fileName()).orElseThrow(() -> new PageNotFoundException(
                "The page " + path + " did not exist at revision " + revision + ": there is nothing to revert to."));
        String text = PageText.decode(store.blob(blob));
        String why = message == null || message.isBlank()
                ? "Revert " + path + " to " + commit.substring(0, 7)
                : message.strip();
        // No base revision: the old text replaces whatever the page holds now, without a merge.
        return editor.save(path, text, why, Optional.empty(), author);
    }
}
