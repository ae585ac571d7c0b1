package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of sixteen editors' saves: the server stops taking requests, finishes
 * and answers every save already in flight, commits its indexes and exits. So every commit in
 * the repository is a save some editor was told about, and the next start has nothing to redo.
 */
@Tag("slow")
class GracefulShutdownTest {
    private static final int EDITORS = 16;

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesTheSavesInFlightThenStops() throws Exception {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        Path seed = dir.resolve("seed");
        EditLoad.writeSeed(seed, EDITORS);
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        Path gitDir = data.resolve("content.git");

        EditLoad load;
        try (ServerProcess server = ServerProcess.start(data, seed, log)) {
            load = new EditLoad(server.uri("/"), TestWiki.basic("editor", "correct horse"), EDITORS);
            Thread running = load.runInBackground(Duration.ofSeconds(60));
            while (load.acks().size() < 40 && load.unexpected().isEmpty()) {
                Thread.sleep(20);
            }
            long started = System.nanoTime();
            int exit = server.terminate(Duration.ofSeconds(40));
            load.stop();
            running.join(60_000);
            assertThat(exit).as("exited by itself after SIGTERM").isNotEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
        assertThat(load.unexpected()).isEmpty();
        String stopLog = Files.readString(log);
        assertThat(stopLog).contains("Stopping: finishing the requests in flight").contains("Stopped");

        List<String> commits = EditLoad.commits(gitDir);
        Set<String> acknowledged = load.acks().stream().map(EditLoad.Ack::revision).collect(Collectors.toSet());
        assertThat(commits).containsAll(acknowledged);
        // Saves in flight are finished and answered (without the graceful stop, 8 to 11 of sixteen
        // editors' commits lost their answer here). A save refused at connect never reached the
        // server; one whose connection ended mid-request might have: there may be at most one such
        // race with the closing port, and only such a save may be a commit without an answer.
        int unacknowledged = commits.size() - 1 - load.acks().size();
        assertThat(load.lostInFlight()).as("saves whose answer was lost in flight").hasSizeLessThanOrEqualTo(1);
        assertThat(unacknowledged).as("commits without an answer; unanswered saves: %s", load.unanswered())
                .isBetween(0, load.lostInFlight().size());
        EditLoad.assertFsckClean(gitDir);

        try (ServerProcess server = ServerProcess.start(data, seed, log)) {
            String restart = Files.readString(log).substring(stopLog.length());
            assertThat(restart).as("the index was committed at the head on the way out")
                    .doesNotContain("rebuilding").doesNotContain("Removed stale lock");
            assertThat(EditLoad.json(server.get("/health").body()).get("revision").asText())
                    .isEqualTo(commits.get(0));
        }
    }
}
