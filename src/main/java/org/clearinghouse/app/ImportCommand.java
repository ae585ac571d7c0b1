package org.clearinghouse.app;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.WikiException;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.render.RenderLimits;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.StoreException;
import org.clearinghouse.wiki.Wiki;
import org.clearinghouse.wiki.WikiLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import}: commits a plain folder of pages and attachments (as {@code export} writes it)
 * as one commit on top of the head, with the checks of a save in the editor. A folder with any
 * file the wiki would refuse is refused whole, each such file named. Safe while the server runs:
 * the commit moves the branch by compare-and-swap and the server picks it up within a second.
 * Not thread-safe; one instance serves one command line.
 */
@Command(name = "import", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Commit a folder of pages (*.md) and attachments as one commit. "
                + "Pages in the folder are created or replaced; others are left alone. Safe while the server runs.")
final class ImportCommand implements Callable<Integer> {
    private static final Pattern NAME_AND_EMAIL = Pattern.compile("\\s*([^<>]*?)\\s*<([^<>\\s]+)>\\s*");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CLEARINGHOUSE_DATA:-./data}",
            description = "Data folder holding content.git (CLEARINGHOUSE_DATA).")
    Path data;

    @Option(names = "--from", paramLabel = "FOLDER", required = true, description = "Folder to import.")
    Path from;

    @Option(names = "--message", paramLabel = "M", description = "Commit message (default: Import FOLDER).")
    String message;

    @Option(names = "--author", paramLabel = "\"Name <email>\"", defaultValue = "Clearinghouse import <wiki@clearinghouse.invalid>",
            description = "Author of the commit.")
    String author;

    @Option(names = "--max-page-kib", defaultValue = "${env:CLEARINGHOUSE_MAX_PAGE_KIB:-1024}",
            description = "Largest page text accepted, in KiB, as for serve (CLEARINGHOUSE_MAX_PAGE_KIB).")
    int maxPageKib;

    @Option(names = "--max-file-mb", defaultValue = "${env:CLEARINGHOUSE_MAX_FILE_MB:-10}",
            description = "Largest attachment accepted, in MB, as for serve (CLEARINGHOUSE_MAX_FILE_MB).")
    int maxFileMb;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Author who = parseAuthor(author);
            WikiLimits limits = new WikiLimits(Math.max(1, maxPageKib) * 1024, Math.max(1, maxFileMb) * 1_000_000L);
            MarkdownRenderer renderer = new MarkdownRenderer(new RenderLimits(limits.maxPageBytes(),
                    RenderLimits.DEFAULT.timeBudget()));
            try (Wiki wiki = Wiki.open(ContentStore.openExisting(data.resolve("content.git")), renderer, limits)) {
                String text = message == null || message.isBlank() ? "Import " + from.getFileName() : message;
                Optional<String> commit = wiki.importFrom(from, text, who);
                out.println(commit.map(c -> "Imported " + from + " as commit " + c.substring(0, 7) + ".")
                        .orElse("Nothing to import: the wiki already holds every file in " + from + " as it is."));
                return 0;
            }
        } catch (WikiException | StoreException | UncheckedIOException | IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code "Ann Smith <ann@example.org>"} as an author. */
    static Author parseAuthor(String text) {
        Matcher matcher = NAME_AND_EMAIL.matcher(text);
        if (!matcher.matches() || matcher.group(1).isEmpty()) {
            throw new IllegalArgumentException("--author must look like \"Ann Smith <ann@example.org>\", not '"
                    + text + "'");
        }
        return new Author(matcher.group(1), matcher.group(2));
    }
}
