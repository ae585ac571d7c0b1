package org.clearinghouse.wiki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.WikiException;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;

/**
 * Commits a plain folder of pages ({@code A/B.md}) and attachments as one commit on top of the
 * head, through the checks a save in the editor gets: valid names, the size limits, UTF-8 text,
 * well-formed front matter. Every file is checked before anything is written, and any problem
 * refuses the whole import, naming each offending file: there is never a partial commit. Pages
 * and files in the folder are created or replaced; pages not in the folder are left alone.
 * Hidden files and folders (such as {@code .git}) are skipped. Thread-safe: the commit goes
 * through the same writer queue and compare-and-swap as every save.
 */
final class FolderImport {
    private static final int MAX_PROBLEMS_LISTED = 20;

    private final ContentStore store;
    private final PageEditor editor;
    private final MarkdownRenderer renderer;
    private final WikiLimits limits;

    FolderImport(ContentStore store, PageEditor editor, MarkdownRenderer renderer, WikiLimits limits) {
        this.store = store;
        this.editor = editor;
        this.renderer = renderer;
        this.limits = limits;
    }

    /**
     * Imports {@code folder}.
     *
     * @return the new commit, or empty when the wiki already held every file as it is
     * @throws BadRequestException naming every file that is not accepted; nothing is written
     */
    Optional<String> run(Path folder, String message, Author author) {
        Map<String, byte[]> files = read(folder);
        if (changedAt(store.head().orElseThrow(), files).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(editor.commitFiles(head -> changedAt(head, files), author, message));
    }

    /** Reads and checks every file, collecting all problems before refusing. */
    private Map<String, byte[]> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadRequestException("There is no folder " + folder + ".");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (relative.isEmpty() || isHidden(relative)) {
                    continue;
                }
                if (Files.isSymbolicLink(file)) {
                    problems.add(relative + ": is a symbolic link; copy the file itself into the folder.");
                } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    check(relative, Files.readAllBytes(file)).ifPresentOrElse(problems::add,
                            () -> files.put(relative, normalised(relative, file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the folder " + folder + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder("Nothing was imported: " + problems.size()
                    + (problems.size() == 1 ? " file is" : " files are") + " not accepted.");
            problems.stream().limit(MAX_PROBLEMS_LISTED).forEach(p -> text.append("\n  ").append(p));
            if (problems.size() > MAX_PROBLEMS_LISTED) {
                text.append("\n  ... and ").append(problems.size() - MAX_PROBLEMS_LISTED).append(" more");
            }
            throw new BadRequestException(text.toString());
        }
        return files;
    }

    /** Why the wiki would refuse this file, or empty when it accepts it. */
    private Optional<String> check(String relative, byte[] bytes) {
        boolean page = relative.toLowerCase(Locale.ROOT).endsWith(org.clearinghouse.page.PagePath.EXTENSION);
        try {
            if (page) {
                PagePath.of(relative.substring(0, relative.length() - PagePath.EXTENSION.length()));
                if (bytes.length > limits.maxPageBytes()) {
                    return Optional.of(relative + ": a page may hold at most " + limits.maxPageBytes() / 1024
                            + " KiB of text; this one has " + bytes.length / 1024 + " KiB.");
                }
                renderer.checkFrontMatter(PageEditor.normalise(PageText.decode(strictUtf8(bytes))));
                return Optional.empty();
            }
            PagePath.of(relative);
            if (!relative.substring(relative.lastIndexOf('/') + 1).contains(".")) {
                return Optional.of(relative + ": a file name needs an extension, such as handout.pdf.");
            }
            if (bytes.length > limits.maxFileBytes()) {
                return Optional.of(relative + ": a file may be at most " + limits.maxFileBytes() / 1_000_000 + " MB.");
            }
            return Optional.empty();
        } catch (WikiException e) {
            return Optional.of(relative + ": " + e.getMessage());
        } catch (CharacterCodingException e) {
            return Optional.of(relative + ": a page must be UTF-8 text.");
        }
    }

    /** Pages are stored as a save would store them (LF line endings, no byte-order mark). */
    private static byte[] normalised(String relative, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!relative.toLowerCase(Locale.ROOT).endsWith(PagePath.EXTENSION)) {
                return bytes;
            }
            return PageEditor.normalise(PageText.decode(bytes)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files that differ from the tree of {@code head}; each page stored under its .md name. */
    private Map<String, Optional<byte[]>> changedAt(String head, Map<String, byte[]> files) {
        Map<String, Optional<byte[]>> changes = new LinkedHashMap<>();
        files.forEach((path, bytes) -> {
            String stored = storedName(path);
            Optional<String> blob = store.blobIdAt(head, stored);
            if (blob.isEmpty() || !Arrays.equals(store.blob(blob.get()), bytes)) {
                changes.put(stored, Optional.of(bytes));
            }
        });
        return changes;
    }

    /** {@code A/B.MD} is stored as {@code A/B.md}, the one spelling the wiki reads as a page. */
    private static String storedName(String relative) {
        boolean page = relative.toLowerCase(Locale.ROOT).endsWith(PagePath.EXTENSION);
        return page ? PagePath.of(relative.substring(0, relative.length() - PagePath.EXTENSION.length())).fileName()
                : PagePath.of(relative).toString();
    }

    /** The bytes, checked to be UTF-8 (a page in another encoding would show as garbage). */
    private static byte[] strictUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        return bytes;
    }

    private static boolean isHidden(String relative) {
        return Arrays.stream(relative.split("/")).anyMatch(segment -> segment.startsWith("."));
    }
}
