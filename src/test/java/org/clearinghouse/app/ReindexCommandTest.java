package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.search.SearchHit;
import org.clearinghouse.search.SearchRequest;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.wiki.Wiki;
import org.clearinghouse.wiki.WikiLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code clearinghouse reindex ...} in-process on a real repository and indexes on disk. */
class ReindexCommandTest {

    @TempDir
    Path temp;

    private Path data;
    private String out;
    private String err;

    @BeforeEach
    void aWikiThatHasRun() throws IOException {
        Path seed = temp.resolve("seed");
        Files.createDirectories(seed);
        Files.writeString(seed.resolve("Home.md"), "# Home\n\nWelcome to the quokka clearinghouse.\n");
        Files.writeString(seed.resolve("Mentoring.md"), "# Mentoring\n\nPair every wombat with a mentor.\n");
        Files.writeString(seed.resolve("Fairs.md"), "# Fairs\n\n| When | Where |\n|---|---|\n| May | Platypus Hall |\n");
        data = temp.resolve("data");
        open(seed).close();
    }

    @Test
    void rebuildsALostSearchIndexAloneWithAProgressBar() throws IOException {
        deleteRecursively(data.resolve("index/pages"));
        assertThat(run("reindex", "--only", "search", "--data", data.toString())).isZero();
        assertThat(out).contains("search", "3/3", "Reindexed search for 3 pages at ").doesNotContain("revisions");
        try (Wiki wiki = open(temp.resolve("no-seed"))) {
            assertThat(wiki.search(SearchRequest.of("wombat", 10)).hits()).extracting(SearchHit::path)
                    .containsExactly("Mentoring");
            assertThat(wiki.search(SearchRequest.of("platypus", 10)).hits()).extracting(SearchHit::path)
                    .containsExactly("Fairs");
            assertThat(wiki.history(PagePath.of("Home"), 10, Optional.empty()).entries()).hasSize(1);
        }
    }

    @Test
    void rebuildsEverythingWhenTheIndexFolderIsLost() throws IOException {
        deleteRecursively(data.resolve("index"));
        assertThat(run("reindex", "--data", data.toString())).isZero();
        assertThat(out).contains("revisions", "search", "Reindexed history, pages, search for 3 pages at ");
        try (Wiki wiki = open(temp.resolve("no-seed"))) {
            assertThat(wiki.search(SearchRequest.of("quokka", 10)).hits()).extracting(SearchHit::path)
                    .containsExactly("Home");
            assertThat(wiki.history(PagePath.of("Mentoring"), 10, Optional.empty()).entries()).hasSize(1);
        }
    }

    @Test
    void withoutARepositoryItSaysSoAndFails() {
        assertThat(run("reindex", "--data", temp.resolve("nothing").toString())).isEqualTo(1);
        assertThat(err).contains("there is no content repository");
    }

    private Wiki open(Path seed) {
        return Wiki.open(ContentStore.openOrSeed(data.resolve("content.git"), seed), new MarkdownRenderer(),
                WikiLimits.DEFAULT, Optional.of(data.resolve("index")));
    }

    private int run(String... args) {
        CommandRun run = CommandRun.of(Main.commandLine(), args);
        out = run.out();
        err = run.err();
        return run.exit();
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
