package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen editors saving the same three pages through the HTTP API at once, from stale bases,
 * for a bounded time (the wiki-level twin is {@code wiki.ConcurrentSavesTest}). Every
 * acknowledged save must be in the final text and in the history, each one commit, no other
 * commit made, and the repository sound.
 */
@Tag("slow")
class ConcurrentEditorsTest {
    private static final int EDITORS = 16;
    private static final Duration LOAD = Duration.ofSeconds(12);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedSaveIsKeptAndIsOneCommit() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        Path seed = dir.resolve("seed");
        EditLoad.writeSeed(seed, EDITORS);
        Map<String, String> finalTexts = new HashMap<>();
        EditLoad load;
        Path gitDir;
        try (TestWiki wiki = TestWiki.startOn(dir, seed)) {
            gitDir = wiki.gitDir();
            load = new EditLoad(wiki.uri("/"), TestWiki.basic("editor", "correct horse"), EDITORS);
            load.run(LOAD);
            for (String page : EditLoad.PAGES) {
                finalTexts.put(page, wiki.getJson("/api/v1/pages/" + page).get("markdown").asText());
            }
            assertThat(wiki.getJson("/health").get("revision").asText())
                    .isEqualTo(EditLoad.git(gitDir, "rev-parse", "main"));
        }

        List<EditLoad.Ack> acks = load.acks();
        assertThat(load.unexpected()).isEmpty();
        assertThat(load.failures()).isZero();
        // How many saves fit in the time depends on the machine; every editor must get some through.
        assertThat(acks.stream().map(EditLoad.Ack::editor).distinct().count()).isEqualTo(EDITORS);
        assertThat(load.conflicts()).as("stale bases are merged, not refused").isLessThan(acks.size());
        load.assertEverySaveSurvives(finalTexts, true);

        List<String> commits = EditLoad.commits(gitDir);
        Set<String> acknowledged = acks.stream().map(EditLoad.Ack::revision).collect(Collectors.toSet());
        assertThat(acknowledged).as("each save is its own commit").hasSameSizeAs(acks);
        assertThat(commits).hasSize(acks.size() + 1).containsAll(acknowledged);
        for (String page : EditLoad.PAGES) {
            List<String> history = List.of(EditLoad.git(gitDir, "log", "--format=%H", "--", page + ".md").split("\n"));
            Set<String> savesOfPage = acks.stream().filter(a -> a.page().equals(page))
                    .map(EditLoad.Ack::revision).collect(Collectors.toSet());
            assertThat(history).as("history of " + page).containsAll(savesOfPage).hasSize(savesOfPage.size() + 1);
        }
        EditLoad.assertFsckClean(gitDir);
    }
}
