package org.clearinghouse.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearinghouse.page.BlameLine;
import org.clearinghouse.page.ChangeKind;
import org.clearinghouse.search.RevisionEntry;
import org.clearinghouse.wiki.PageDiff;

/**
 * Turns history values (revision entries, diffs, blame) into the plain maps the history, diff,
 * blame and changes templates read, and into the API's JSON objects. Stateless.
 */
final class HistoryModels {
    /**
     * ISO-8601 with seconds and a numeric offset, always ({@code OffsetDateTime.toString()}
     * drops zero seconds and writes UTC as {@code Z}): the author's own local time.
     */
    static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private HistoryModels() {}

    /** One change for a template: the revision (as {@link Models#revision}) plus what it did. */
    static Map<String, Object> entry(RevisionEntry entry) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("revision", Models.revision(entry.revision()));
        model.put("path", entry.path());
        model.put("kind", entry.kind().id());
        model.put("kindLabel", kindLabel(entry));
        model.put("otherPath", entry.otherPath().orElse(""));
        model.put("size", signed(entry.sizeDelta()));
        model.put("sizeClass", entry.sizeDelta() > 0 ? "grew" : entry.sizeDelta() < 0 ? "shrank" : "same");
        model.put("exists", entry.kind() != ChangeKind.DELETE && entry.kind() != ChangeKind.RENAME_FROM);
        return model;
    }

    /** The history API's object: exactly the documented fields. */
    static Map<String, Object> revisionJson(RevisionEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", entry.revision().id());
        json.put("author", entry.revision().author().name());
        json.put("email", entry.revision().author().email());
        json.put("time", ISO_WITH_OFFSET.format(entry.revision().time()));
        json.put("message", entry.revision().message());
        json.put("kind", entry.kind().id());
        return json;
    }

    /** The changes API's object: exactly the documented fields. */
    static Map<String, Object> changeJson(RevisionEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", entry.revision().id());
        json.put("path", entry.path());
        json.put("author", entry.revision().author().name());
        json.put("time", ISO_WITH_OFFSET.format(entry.revision().time()));
        json.put("message", entry.revision().message());
        json.put("kind", entry.kind().id());
        return json;
    }

    static String kindLabel(RevisionEntry entry) {
        return switch (entry.kind()) {
            case ADD -> "created";
            case MODIFY -> "edited";
            case DELETE -> "deleted";
            case RENAME_FROM -> "renamed to " + entry.otherPath().orElse("?");
            case RENAME_TO -> "renamed from " + entry.otherPath().orElse("?");
        };
    }

    /** "+12 B", "−40 B", "0 B": how much a change added, for the size column. */
    static String signed(long bytes) {
        return bytes > 0 ? "+" + bytes + " B" : bytes < 0 ? "\u2212" + (-bytes) + " B" : "0 B";
    }

    static List<Map<String, Object>> sideBySide(PageDiff diff) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PageDiff.Row row : diff.sideBySide()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("type", row.type().name().toLowerCase());
            model.put("oldNumber", row.oldNumber() == 0 ? "" : String.valueOf(row.oldNumber()));
            model.put("newNumber", row.newNumber() == 0 ? "" : String.valueOf(row.newNumber()));
            model.put("old", segments(row.oldSegments()));
            model.put("new", segments(row.newSegments()));
            model.put("hasOld", row.oldNumber() > 0);
            model.put("hasNew", row.newNumber() > 0);
            model.put("hidden", row.hidden());
            rows.add(model);
        }
        return rows;
    }

    static List<Map<String, Object>> inline(PageDiff diff) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (PageDiff.Line line : diff.inline()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("type", line.type().name().toLowerCase());
            model.put("oldNumber", line.oldNumber() == 0 ? "" : String.valueOf(line.oldNumber()));
            model.put("newNumber", line.newNumber() == 0 ? "" : String.valueOf(line.newNumber()));
            model.put("sign", switch (line.type()) {
                case DELETE -> "\u2212";
                case INSERT -> "+";
                default -> "";
            });
            model.put("segments", segments(line.segments()));
            model.put("hidden", line.hidden());
            lines.add(model);
        }
        return lines;
    }

    private static List<Map<String, Object>> segments(List<PageDiff.Segment> segments) {
        return segments.stream().map(s -> Map.<String, Object>of("text", s.text(), "changed", s.changed())).toList();
    }

    /** Blame lines, each marked when it starts a run of lines from the same revision. */
    static List<Map<String, Object>> blame(List<BlameLine> lines) {
        List<Map<String, Object>> models = new ArrayList<>();
        String previous = null;
        for (BlameLine line : lines) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("number", line.number());
            model.put("text", line.text());
            model.put("revision", Models.revision(line.revision()));
            // The page's name in that revision, for the link to it (it differs after a rename).
            String file = line.sourcePath();
            model.put("pagePath", file.endsWith(".md") ? file.substring(0, file.length() - 3) : file);
            model.put("firstOfRun", !line.revision().id().equals(previous));
            models.add(model);
            previous = line.revision().id();
        }
        return models;
    }
}
