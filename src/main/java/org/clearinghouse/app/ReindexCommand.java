package org.clearinghouse.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.wiki.Rebuild;
import org.clearinghouse.wiki.Wiki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reindex}: rebuilds what the wiki derives from the Git repository (the history and search
 * indexes, the saved page snapshot), all or some, with a progress bar. Run it while the server is
 * stopped: the indexes allow one writer at a time.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Rebuild the history and search indexes and the saved page list from the content "
                + "repository. Stop the server first.")
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
        try {
            ContentStore store = ContentStore.openOrSeed(gitDir, data.resolve("no-seed"));
            int pages = pageCount(store);
            ProgressBar bar = new ProgressBar(out, Map.of("search", pages));
            String head;
            try (Wiki wiki = Wiki.openRebuilding(store, new MarkdownRenderer(), data.resolve("index"), only,
                    bar::show)) {
                head = wiki.snapshot().commitId();
            }
            bar.finish();
            out.println("Reindexed " + describe(only) + " for " + pages + " pages at " + head.substring(0, 7) + ".");
            return 0;
        } catch (RuntimeException e) {
            err.println("Error: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("ock") ? " (is the server running?)" : ""));
            return 1;
        }
    }

    private static int pageCount(ContentStore store) {
        return store.head().map(head -> (int) store.tree(head).files().keySet().stream()
                .filter(file -> PagePath.fromFileName(file).isPresent()).count()).orElse(0);
    }

    private static String describe(Set<Rebuild> chosen) {
        return chosen.stream().sorted().map(index -> index.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
