package org.clearinghouse.bench;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.search.RevisionPage;
import org.clearinghouse.search.SearchRequest;
import org.clearinghouse.search.SearchResults;
import org.clearinghouse.wiki.PageView;
import org.clearinghouse.wiki.SaveResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's use cases on a synthetic wiki (default 2,000 pages, 500 edits): a page view at
 * the head, searches of a few kinds, a page's history, and a save (one commit plus the index
 * updates, searchable on return). {@code -p pages=20000} for the size the load benchmark uses.
 * The wiki is built once per size and kept in the temporary folder for the next benchmarks
 * (see {@link SyntheticWiki#openOrBuild}); the saves of {@link #save} accumulate in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class WikiBenchmark {
    @Param({"2000"})
    public int pages;

    @Param({"500"})
    public int edits;

    private SyntheticWiki fixture;
    private PagePath mostEdited;
    private int saves;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = SyntheticWiki.openOrBuild(pages, edits);
        mostEdited = fixture.paths.get(0);
        for (PagePath path : fixture.paths) {
            fixture.wiki.view(path);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.wiki.close();
    }

    private PagePath randomPage() {
        return fixture.paths.get(ThreadLocalRandom.current().nextInt(fixture.paths.size()));
    }

    @Benchmark
    public PageView viewRandomPage() {
        return fixture.wiki.view(randomPage());
    }

    @Benchmark
    public SearchResults searchCommonWord() {
        return fixture.wiki.search(SearchRequest.of("library", 10));
    }

    @Benchmark
    public SearchResults searchRareWord() {
        return fixture.wiki.search(SearchRequest.of("codicology", 10));
    }

    @Benchmark
    public SearchResults searchTwoWordsAndPhrase() {
        return fixture.wiki.search(SearchRequest.of("mentor \"career fair\"", 10));
    }

    @Benchmark
    public SearchResults searchTypo() {
        return fixture.wiki.search(SearchRequest.of("scholarhsip", 10));
    }

    @Benchmark
    public RevisionPage historyOfMostEditedPage() {
        return fixture.wiki.history(mostEdited, 50, Optional.empty());
    }

    @Benchmark
    public RevisionPage historyOfRandomPage() {
        return fixture.wiki.history(randomPage(), 50, Optional.empty());
    }

    @Benchmark
    public SaveResult save() {
        PagePath path = randomPage();
        String base = fixture.wiki.snapshot().page(path).orElseThrow().lastChange().id();
        String text = fixture.wiki.view(path).markdown();
        return fixture.wiki.save(path, text + "\nBenchmark save " + (saves++) + ".\n", "Benchmark save",
                Optional.of(base), SyntheticWiki.AUTHOR);
    }
}
