package org.clearinghouse.render;

import java.time.Duration;
import java.util.Objects;
import org.clearinghouse.page.InvalidFrontMatterException;
import org.clearinghouse.page.PageMetadata;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.PageTooLargeException;
import org.clearinghouse.page.RenderFailedException;

/**
 * Turns a page's Markdown into sanitized HTML, or just into its outline (front matter, first
 * heading, links). The one entry point of this package. Thread-safe: build one and share it; it
 * holds one Flexmark parser and renderer and a small pool of worker threads (daemon threads
 * that end when idle).
 *
 * <p>Every page is treated as hostile (see DESIGN.md, "Hostile input"): its size is capped, its
 * nesting bounded ({@link NestingGuard}), it is parsed on a worker with a large stack and a
 * deadline ({@link RenderBudget}), wiki links are built here from validated names, and the HTML
 * is cleaned by an allow-list last ({@link HtmlSanitizer}).
 */
public final class MarkdownRenderer {

    private final RenderLimits limits;
    private final RenderPipeline pipeline;
    private final RenderBudget budget;

    /** A renderer with {@link RenderLimits#DEFAULT}: 512 KiB pages, 3 seconds each. */
    public MarkdownRenderer() {
        this(RenderLimits.DEFAULT);
    }

    /** A renderer accepting pages up to {@code maxMarkdownBytes} (UTF-8) within {@code timeBudget}. */
    public MarkdownRenderer(int maxMarkdownBytes, Duration timeBudget) {
        this(new RenderLimits(maxMarkdownBytes, timeBudget));
    }

    public MarkdownRenderer(RenderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        // HTML may legitimately be several times the Markdown (tables, footnotes); 16x is plenty.
        this.pipeline = new RenderPipeline((int) Math.min(Integer.MAX_VALUE - 16, 16L * limits.maxMarkdownBytes()));
        this.budget = new RenderBudget(limits.timeBudget().toNanos());
    }

    /**
     * Reads a page's outline without rendering it; fast enough to run over every page at start.
     * Never throws for any text: unreadable front matter gives {@link PageMetadata#EMPTY}, and a
     * page too large or too hostile to parse gives an outline with its metadata only (no first
     * heading, no links).
     */
    public PageOutline outline(String markdown, PagePath self) {
        Objects.requireNonNull(self, "self");
        FrontMatter page = FrontMatter.split(Objects.requireNonNull(markdown, "markdown"));
        if (tooLarge(markdown)) {
            return PageOutline.metadataOnly(page.metadata());
        }
        String body = NestingGuard.bound(page.body());
        try {
            return budget.run(() -> FailureMemory.keyOf("outline", body),
                    deadline -> pipeline.outline(body, page.metadata(), self, deadline));
        } catch (RenderFailedException e) {
            return PageOutline.metadataOnly(page.metadata());
        }
    }

    /**
     * Reads a page's heading texts and plain text for the search index, straight from the Markdown
     * in time linear in its length ({@link MarkdownText}), without parsing it: the index needs the
     * words, not the document. Front matter is left out. Never throws; a huge page gives the
     * text of its first {@value MarkdownText#MAX_TEXT_CHARS} characters or so.
     */
    public SearchableText searchText(String markdown) {
        return MarkdownText.read(FrontMatter.bodyOf(Objects.requireNonNull(markdown, "markdown")));
    }

    /**
     * Renders a page to sanitized HTML.
     *
     * @param self the page being rendered; relative links resolve against its folder
     * @param resolver says which linked pages exist; missing ones get {@code class="missing"}
     * @throws PageTooLargeException when the text exceeds the size limit
     * @throws RenderFailedException when the page cannot be rendered within the stack and time
     *     budget; its message is meant for the reader
     */
    public RenderedPage render(String markdown, PagePath self, LinkResolver resolver) {
        return render(markdown, self, resolver, false);
    }

    /**
     * Renders a page for a view that shows its title above the text: like
     * {@link #render(String, PagePath, LinkResolver)}, without a level-1 heading that opens the
     * text with that same title (it would show twice).
     */
    public RenderedPage renderUnderTitle(String markdown, PagePath self, LinkResolver resolver) {
        return render(markdown, self, resolver, true);
    }

    private RenderedPage render(String markdown, PagePath self, LinkResolver resolver, boolean titleShownApart) {
        Objects.requireNonNull(markdown, "markdown");
        RenderContext context = new RenderContext(Objects.requireNonNull(self, "self"),
                Objects.requireNonNull(resolver, "resolver"), titleShownApart);
        if (tooLarge(markdown)) {
            throw new PageTooLargeException("This page is larger than the limit of "
                    + limits.maxMarkdownBytes() / 1024 + " KiB.");
        }
        FrontMatter page = FrontMatter.split(markdown);
        String body = NestingGuard.bound(page.body());
        return budget.run(() -> FailureMemory.keyOf("render", body),
                deadline -> pipeline.render(body, page.metadata(), context, deadline));
    }

    /**
     * Reads only a page's front matter, without parsing the Markdown: cheap enough to run on
     * every revision of every page (the revision index records each revision's tags). Never throws.
     */
    public PageMetadata metadata(String markdown) {
        return FrontMatter.split(Objects.requireNonNull(markdown, "markdown")).metadata();
    }

    /**
     * Checks a page's front matter strictly, before it is saved: rendering forgives bad front
     * matter (the page shows without metadata), but a save should tell the author. A page
     * without front matter passes.
     *
     * @throws InvalidFrontMatterException when the YAML is malformed, over 64 KiB, not a set of
     *     fields, or a known field has the wrong shape (e.g. a list as {@code title})
     */
    public void checkFrontMatter(String markdown) {
        FrontMatter.split(Objects.requireNonNull(markdown, "markdown")).yaml().ifPresent(MetadataReader::check);
    }

    /** Whether the text is over the limit in UTF-8 bytes, counted without encoding it. */
    private boolean tooLarge(String text) {
        int max = limits.maxMarkdownBytes();
        if (text.length() > max) {
            return true; // every char is at least one byte
        }
        if ((long) text.length() * 3 <= max) {
            return false; // every char is at most three bytes (a surrogate pair, four for two)
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes > max;
    }
}
