package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.EditConflictException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many editors saving the same few pages from stale bases at once: every acknowledged save must
 * be in the final text and in the history, and the repository must stay sound.
 */
class ConcurrentSavesTest {
    private static final int THREADS = 16;
    private static final int SAVES_PER_THREAD = 12;
    private static final List<PagePath> PAGES = List.of(PagePath.of("A"), PagePath.of("B"), PagePath.of("C"));

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedSaveIsLost() throws Exception {
        Path seed = dir.resolve("seed");
        Files.createDirectories(seed);
        for (PagePath page : PAGES) {
            Files.writeString(seed.resolve(page.fileName()), initialText());
        }
        Path gitDir = dir.resolve("content.git");
        Map<String, String> lastValue = new ConcurrentHashMap<>();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Wiki wiki = Wiki.open(ContentStore.openOrSeed(gitDir, seed), new MarkdownRenderer())) {
            String seedCommit = wiki.snapshot().commitId();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> editLoop(wiki, seedCommit, thread, lastValue, acknowledged)));
            }
            for (Future<?> future : work) {
                future.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();

            for (Map.Entry<String, String> entry : lastValue.entrySet()) {
                String[] key = entry.getKey().split("#");
                String text = wiki.view(PagePath.of(key[0])).markdown();
                assertThat(text).as(entry.getKey()).contains("slot-" + key[1] + ": " + entry.getValue() + "\n");
            }
        }
        assertThat(acknowledged).isNotEmpty();
        List<String> history = List.of(git(gitDir, "rev-list", "main").split("\n"));
        assertThat(history).hasSize(acknowledged.size() + 1).containsAll(acknowledged);
        git(gitDir, "fsck", "--strict", "--no-dangling");
    }

    /**
     * Each thread owns one line ("slot") of every page and rewrites it from the base it last
     * read, which other threads keep making stale; conflicts are retried from a fresh base.
     */
    private static void editLoop(Wiki wiki, String seedCommit, int thread, Map<String, String> lastValue,
            List<String> acknowledged) {
        String base = seedCommit;
        for (int n = 0; n < SAVES_PER_THREAD; n++) {
            PagePath page = PAGES.get((thread + n) % PAGES.size());
            String value = "t" + thread + "-v" + n;
            for (int attempt = 0; attempt < 20; attempt++) {
                String baseText = wiki.viewAt(page, base).markdown();
                String mine = baseText.replaceAll("slot-" + thread + ": [^\n]*\n", "slot-" + thread + ": " + value + "\n");
                try {
                    SaveResult result = wiki.save(page, mine, "thread " + thread + " save " + n, Optional.of(base),
                            new Author("Editor " + thread, "e" + thread + "@example.org"));
                    if (result.changed()) {
                        acknowledged.add(result.revision());
                    }
                    lastValue.put(page + "#" + thread, value);
                    break;
                } catch (EditConflictException conflict) {
                    base = conflict.currentRevision();
                }
            }
            if (n % 3 == 0) {
                base = wiki.snapshot().commitId();
            }
        }
    }

    private static String initialText() {
        StringBuilder text = new StringBuilder("# Shared page\n\n");
        for (int slot = 0; slot < THREADS; slot++) {
            text.append("slot-").append(slot).append(": initial\n\nfiller line ").append(slot).append("\n\n");
        }
        return text.toString();
    }

    private static String git(Path gitDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
