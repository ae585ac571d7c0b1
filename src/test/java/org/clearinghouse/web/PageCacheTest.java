package org.clearinghouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    @Test
    void acceptsGzipUnlessRefused() {
        assertThat(PageCache.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PageCache.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(PageCache.acceptsGzip("*")).isTrue();
        assertThat(PageCache.acceptsGzip(null)).isFalse();
        assertThat(PageCache.acceptsGzip("br, deflate")).isFalse();
        assertThat(PageCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PageCache.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(PageCache.acceptsGzip("gzipx")).isFalse();
    }

    @Test
    void entriesAreFreshOnlyAtTheCommitTheyWereCheckedAt() {
        PageCache cache = new PageCache(1 << 20);
        cache.put("k", "\"e1\"", "c1", "<p>one</p>", 60_000);
        assertThat(cache.fresh("k", "c1")).isNotNull();
        assertThat(cache.fresh("k", "c2")).isNull();
        assertThat(cache.revalidate("k", "\"other\"", "c2")).isNull();
        assertThat(cache.revalidate("k", "\"e1\"", "c2")).isNotNull();
        assertThat(cache.fresh("k", "c2")).isNotNull();
    }

    @Test
    void expiredEntriesAreNotServed() {
        PageCache cache = new PageCache(1 << 20);
        cache.put("k", "\"e1\"", "c1", "<p>one</p>", 0);
        assertThat(cache.fresh("k", "c1")).isNull();
        assertThat(cache.revalidate("k", "\"e1\"", "c1")).isNull();
    }

    @Test
    void staysWithinItsBudgetDroppingTheLeastRecentlyUsed() {
        String page = "x".repeat(1000);
        PageCache cache = new PageCache(20_000);
        for (int i = 0; i < 100; i++) {
            cache.put("k" + i, "\"e\"", "c", page, 60_000);
            cache.fresh("k0", "c");
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(20_000);
        assertThat(cache.size()).isBetween(1, 20);
        assertThat(cache.fresh("k0", "c")).as("used all along").isNotNull();
        assertThat(cache.fresh("k99", "c")).as("just added").isNotNull();
        assertThat(cache.fresh("k1", "c")).as("least recently used").isNull();
    }

    @Test
    void evictionKeepsWorkingWhileReadersTouchEntries() throws Exception {
        // Readers change each entry's last use while a put sorts the entries to evict: with a
        // live value in the comparator the sort threw "Comparison method violates its general
        // contract", and the page view that caused the eviction answered 500.
        String page = "x".repeat(500);
        PageCache cache = new PageCache(200_000);
        int keys = 2_000;
        for (int i = 0; i < keys; i++) {
            cache.put("k" + i, "\"e\"", "c", page, 60_000);
        }
        java.util.List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<Thread> readers = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            Thread reader = new Thread(() -> {
                java.util.Random random = new java.util.Random(seed);
                while (running.get()) {
                    cache.fresh("k" + random.nextInt(keys), "c");
                }
            });
            reader.start();
            readers.add(reader);
        }
        try {
            for (int i = 0; i < 20_000; i++) {
                try {
                    cache.put("k" + (i % keys), "\"e\"", "c", page, 60_000);
                } catch (RuntimeException e) {
                    failures.add(e);
                    break;
                }
            }
        } finally {
            running.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(cache.bytes()).isLessThanOrEqualTo(200_000);
    }

    @Test
    void relativeTimesAreStableUntilTheirTextChanges() {
        OffsetDateTime now = OffsetDateTime.now();
        assertThat(Models.relativeStableFor(now.minusSeconds(10))).isBetween(Duration.ofSeconds(49), Duration.ofSeconds(50));
        assertThat(Models.relativeStableFor(now.minusMinutes(5).minusSeconds(20)))
                .isBetween(Duration.ofSeconds(39), Duration.ofSeconds(40));
        assertThat(Models.relativeStableFor(now.minusDays(400))).isEqualTo(Duration.ofDays(1));
        assertThat(Models.relativeStableFor(now.plusHours(1))).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
    }
}
