package org.clearinghouse.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.wiki.Rebuild;
import org.clearinghouse.wiki.Wiki;
import org.clearinghouse.wiki.WikiLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reindex}: rebuilds what the wiki derives from the Git repository (the history and search
 * indexes, the saved page snapshot), all or some, with a progress bar. Run it while the server is stopped: the indexes allow one writer at a time.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Rebuild the search and history indexes from the content repository. "
                + "Stop the server first.")
final class ReindexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "${env:CLEARINGHOUSE_DATA:-./data}",
            description = "Data folder holding content.git (CLEARINGHOUSE_DATA).")
    Path data;

    @Option(names = "--only", split = ",", paramLabel = "INDEX",
            description = "Rebuild only these: ${COMPLETION-CANDIDATES} (default: all, in that order).")
    Set<Rebuild> only = EnumSet.allOf(Rebuild.class);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path gitDir = data.resolve("content.git");
        if (!Files.isRegularFile(gitDir.resolve("HEAD"))) {
            err.println("Error: there is no content repository at " + gitDir);
            return 1;
        }
        try (Wiki wiki = Wiki.open(ContentStore.openOrSeed(gitDir, data.resolve("no-seed")), new MarkdownRenderer(),
                WikiLimits.DEFAULT, Optional.of(data.resolve("index")))) {
            int total = wiki.snapshot().pages().size();
            ProgressBar bar = new ProgressBar(out, total);
            wiki.reindex(only, (index, done) -> bar.show(index, done));
            bar.finish();
            out.println("Reindexed " + describe(only) + " for " + total + " pages at " + wiki.snapshot().commitId().substring(0, 7) + ".");
            return 0;
        } catch (RuntimeException e) {
            err.println("Error: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("ock") ? " (is the server running?)" : ""));
            return 1;
        }
    }

    private static String describe(Set<Rebuild> chosen) {
        return chosen.stream().sorted().map(index -> index.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
