package org.clearinghouse.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.render.RenderedPage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Rendering one ~3 KB page from Markdown to sanitized HTML: the cost of a render-cache miss. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
    private MarkdownRenderer renderer;
    private String markdown;
    private PagePath path;

    @Setup
    public void setUp() {
        renderer = new MarkdownRenderer();
        markdown = SyntheticWiki.page(7, 2000, new Random(7));
        path = PagePath.of(SyntheticWiki.name(7));
    }

    @Benchmark
    public RenderedPage renderPage() {
        return renderer.render(markdown, path, page -> page.toString().hashCode() % 10 != 0);
    }
}
