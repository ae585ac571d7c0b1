package org.clearinghouse.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.StoreException;
import org.clearinghouse.wiki.ExportReport;
import org.clearinghouse.wiki.Wiki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: writes every page and attachment at the head into a plain folder of files
 * ({@code Career-Day/Planning.md}, {@code Career-Day/handout.pdf}), readable and editable without
 * Git or the wiki; {@code import} reads such a folder back. Safe while the server runs: it only
 * reads the repository. Refuses a folder that is not empty unless {@code --force}. Not
 * thread-safe; one instance serves one command line.
 */
@Command(name = "export", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Write every page and attachment at the head into a plain folder. Safe while the server runs.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CLEARINGHOUSE_DATA:-./data}",
            description = "Data folder holding content.git (CLEARINGHOUSE_DATA).")
    Path data;

    @Option(names = "--to", paramLabel = "FOLDER", required = true,
            description = "Folder to write the pages into; created when absent.")
    Path to;

    @Option(names = "--force", description = "Write into a folder that is not empty, replacing files of the same names.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!force && hasFiles(to)) {
                err.println("Error: " + to + " is not empty; choose an empty folder, or add --force to write into it.");
                return 1;
            }
            try (Wiki wiki = Wiki.open(ContentStore.openExisting(data.resolve("content.git")), new MarkdownRenderer())) {
                ExportReport report = wiki.exportTo(to);
                out.println("Exported " + report.pages() + " pages and " + report.files() + " files at "
                        + report.commitId().substring(0, 7) + " to " + to);
                report.skipped().forEach(path -> out.println("Skipped " + path + ": not a name the wiki accepts"));
                return 0;
            }
        } catch (StoreException | UncheckedIOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean hasFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Files.exists(folder);
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
