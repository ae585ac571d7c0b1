package org.clearinghouse.wiki;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.PageExistsException;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.PageTooLargeException;
import org.clearinghouse.store.ContentStore;

/**
 * Rename, delete and upload: changes to whole files, each one commit built on the head and
 * re-checked against the new head if another writer wins the race. Thread-safe.
 */
final class FileOperations {
    private final ContentStore store;
    private final PageEditor editor;
    private final WikiLimits limits;
    private final Supplier<Snapshot> snapshot;

    FileOperations(ContentStore store, PageEditor editor, WikiLimits limits, Supplier<Snapshot> snapshot) {
        this.store = store;
        this.editor = editor;
        this.limits = limits;
        this.snapshot = snapshot;
    }

    String rename(PagePath from, PagePath to, String message, Author author) {
        if (from.equals(to)) {
            throw new BadRequestException("The new name is the same as the old one.");
        }
        return editor.commitFiles(head -> {
            String blob = store.blobIdAt(head, from.fileName()).orElseThrow(() -> missing(from));
            if (store.blobIdAt(head, to.fileName()).isPresent()) {
                throw new PageExistsException("A page named " + to + " already exists. Choose another name.");
            }
            Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
            changes.put(from.fileName(), Optional.empty());
            changes.put(to.fileName(), Optional.of(store.blob(blob)));
            return changes;
        }, author, message);
    }

    String delete(PagePath path, String message, Author author) {
        return editor.commitFiles(head -> {
            store.blobIdAt(head, path.fileName()).orElseThrow(() -> missing(path));
            Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
            changes.put(path.fileName(), Optional.empty());
            return changes;
        }, author, message);
    }

    String put(String rawPath, byte[] bytes, String message, Author author) {
        PagePath path = PagePath.of(rawPath);
        if (path.toString().toLowerCase(Locale.ROOT).endsWith(PagePath.EXTENSION)) {
            throw new BadRequestException("Files ending in .md are pages: save them with the page editor.");
        }
        if (!path.toString().contains(".")) {
            throw new BadRequestException("A file name needs an extension, such as handout.pdf.");
        }
        if (bytes.length > limits.maxFileBytes()) {
            throw new PageTooLargeException("A file may be at most " + limits.maxFileBytes() / 1_000_000
                    + " MB; this one is larger.");
        }
        if (snapshot.get().page(path).isPresent()) {
            throw new PageExistsException("A page named " + path + " already exists.");
        }
        return editor.commitFiles(head -> Map.of(path.toString(), Optional.of(bytes)), author, message);
    }

    private static PageNotFoundException missing(PagePath path) {
        return new PageNotFoundException("There is no page " + path + ".");
    }
}
