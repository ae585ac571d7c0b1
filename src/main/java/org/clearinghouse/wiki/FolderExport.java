package org.clearinghouse.wiki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.TreeListing;

/**
 * Writes every page ({@code A/B.md}) and attachment of one commit into a plain folder, as the
 * files a person would edit: a backup anyone can read without Git, and the input of
 * {@link FolderImport}. Only names the wiki accepts are written, and each is checked to land
 * inside the folder, so a hostile tree pushed from outside cannot write elsewhere. Stateless
 * apart from the store it reads; thread-safe.
 */
final class FolderExport {

    private final ContentStore store;

    FolderExport(ContentStore store) {
        this.store = store;
    }

    ExportReport write(String commitId, Path folder) {
        TreeListing tree = store.tree(commitId);
        Path root = folder.toAbsolutePath().normalize();
        int pages = 0;
        int files = 0;
        List<String> skipped = new ArrayList<>();
        try {
            Files.createDirectories(root);
            for (Map.Entry<String, String> file : tree.files().entrySet()) {
                String path = file.getKey();
                boolean page = PagePath.fromFileName(path).isPresent();
                Path target = root.resolve(path).normalize();
                if ((!page && PagePath.tryOf(path).isEmpty()) || !target.startsWith(root)) {
                    skipped.add(path);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, store.blob(file.getValue()));
                if (page) {
                    pages++;
                } else {
                    files++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export into " + folder + ": " + e.getMessage(), e);
        }
        return new ExportReport(commitId, pages, files, skipped);
    }
}
