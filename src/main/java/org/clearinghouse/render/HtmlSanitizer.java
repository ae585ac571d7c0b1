package org.clearinghouse.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The last step of rendering: parses Flexmark's HTML with jsoup, narrows it ({@link HtmlFixups}),
 * gives headings their ids ({@link HeadingIds}), and cleans it with the {@link WikiSafelist}.
 * Nothing touches the HTML after the cleaner except reading it. Flexmark's output is treated as
 * hostile: raw HTML in the page passes through Flexmark untouched. Thread-safe (a new
 * {@link Cleaner} per call over a shared, read-only safelist).
 */
final class HtmlSanitizer {

    private final Safelist safelist = new WikiSafelist();

    /** The cleaned document; its body holds the page. */
    Document clean(String html, Deadline deadline) {
        Document dirty = Jsoup.parseBodyFragment(html, "");
        deadline.check();
        HtmlFixups.apply(dirty.body());
        HeadingIds.assign(dirty.body());
        deadline.check();
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings()
                .prettyPrint(false) // whitespace inside <pre> must survive as written
                .escapeMode(Entities.EscapeMode.base)
                .charset("UTF-8");
        return clean;
    }
}
