package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches run while pages are applied from several threads; every writer reads its own write. */
class ConcurrentUseTest {
    @TempDir
    Path dir;

    @Test
    void searchesAndAppliesInterleave() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (SearchIndex index = SearchIndex.open(dir, Duration.ofMillis(5))) {
            index.replaceAll(RecruitmentPages.COMMIT_1, RecruitmentPages.all(), done -> { });
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                int w = writer;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        String word = "unique" + w + "x" + i;
                        index.apply(String.format("%040d", w * 1000 + i), List.of(RecruitmentPages.simple(
                                "Load/" + w + "/" + i, "Load page", "Body with " + word)), List.of());
                        assertThat(RecruitmentPages.paths(index.search(SearchRequest.of(word, 5))))
                                .containsExactly("Load/" + w + "/" + i);
                    }
                    return null;
                }));
            }
            for (int reader = 0; reader < 4; reader++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        assertThat(index.search(SearchRequest.of("librarianship", 10)).total()).isGreaterThan(0);
                        assertThat(index.suggest("car", 5)).isNotEmpty();
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }
            assertThat(index.size()).isEqualTo(12 + 80);
        } finally {
            pool.shutdownNow();
        }
    }
}
