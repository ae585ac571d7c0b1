package org.clearinghouse.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.Heading;
import org.clearinghouse.wiki.PageEntry;
import org.clearinghouse.wiki.PageView;

/**
 * Turns engine values into the plain maps the templates read. Templates see only strings, lists
 * and maps, so a template can be restyled without knowing the Java types behind it.
 */
final class Models {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private Models() {}

    static Map<String, Object> summary(PageEntry page) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", page.path().toString());
        model.put("title", page.title());
        model.put("summary", page.metadata().summary().orElse(""));
        model.put("tags", page.metadata().tags());
        model.put("type", page.metadata().type().orElse(""));
        model.put("audience", page.metadata().audience());
        model.put("updated", revision(page.lastChange()));
        return model;
    }

    static List<Map<String, Object>> summaries(List<PageEntry> pages) {
        return pages.stream().map(Models::summary).toList();
    }

    static Map<String, Object> page(PageView view) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", view.path().toString());
        model.put("title", view.title());
        model.put("summary", view.metadata().summary().orElse(""));
        model.put("tags", view.metadata().tags());
        model.put("audience", view.metadata().audience());
        model.put("type", view.metadata().type().orElse(""));
        model.put("html", view.html().orElse(""));
        model.put("renderError", view.renderError().orElse(""));
        model.put("toc", toc(view.headings()));
        model.put("lastChange", revision(view.lastChange()));
        model.put("revision", view.revision().orElse(""));
        model.put("current", view.isCurrent());
        model.put("backlinks", summaries(view.backlinks()));
        return model;
    }

    /** A table of contents only for pages with several headings below the title. */
    static List<Map<String, Object>> toc(List<Heading> headings) {
        List<Heading> sections = headings.stream().filter(h -> h.level() >= 2 && h.level() <= 4).toList();
        if (sections.size() < 3) {
            return List.of();
        }
        int top = sections.stream().mapToInt(Heading::level).min().orElse(2);
        return sections.stream().map(h -> Map.<String, Object>of(
                "id", h.id(), "text", h.text(), "depth", h.level() - top)).toList();
    }

    static Map<String, Object> revision(Revision revision) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", revision.id());
        model.put("shortId", revision.shortId());
        model.put("author", revision.author().name());
        model.put("message", revision.message());
        model.put("iso", revision.time().toString());
        model.put("exact", EXACT.format(revision.time()));
        model.put("relative", relative(revision.time()));
        return model;
    }

    /**
     * How long {@link #relative} keeps giving the same text for {@code time}: pages that show it
     * may be cached that long. At most a day.
     */
    static Duration relativeStableFor(OffsetDateTime time) {
        long seconds = Math.max(0, Duration.between(time, OffsetDateTime.now()).getSeconds());
        long[] limits = {60, 3600, 86_400, 30L * 86_400, 365L * 86_400, Long.MAX_VALUE};
        long[] units = {60, 60, 3600, 86_400, 30L * 86_400, 365L * 86_400};
        for (int i = 0; i < limits.length; i++) {
            if (seconds < limits[i]) {
                long untilNext = units[i] - seconds % units[i];
                return Duration.ofSeconds(Math.max(1, Math.min(untilNext, Math.min(limits[i] - seconds, 86_400))));
            }
        }
        return Duration.ofDays(1);
    }

    /** "3 days ago"-style text; the exact time is shown on hover. */
    static String relative(OffsetDateTime time) {
        long seconds = Math.max(0, Duration.between(time, OffsetDateTime.now()).getSeconds());
        if (seconds < 60) {
            return "just now";
        }
        long[] limits = {3600, 86_400, 30L * 86_400, 365L * 86_400, Long.MAX_VALUE};
        long[] units = {60, 3600, 86_400, 30L * 86_400, 365L * 86_400};
        String[] names = {"minute", "hour", "day", "month", "year"};
        for (int i = 0; i < limits.length; i++) {
            if (seconds < limits[i]) {
                long n = seconds / units[i];
                return n + " " + names[i] + (n == 1 ? "" : "s") + " ago";
            }
        }
        return EXACT.format(time);
    }
}
