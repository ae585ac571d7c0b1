package org.clearinghouse.wiki;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.clearinghouse.store.TextDiff;
import org.clearinghouse.wiki.PageDiff.Line;
import org.clearinghouse.wiki.PageDiff.Row;
import org.clearinghouse.wiki.PageDiff.Type;

/**
 * Lays out a line diff of two texts for people: side-by-side rows pair each replaced line with
 * its replacement (word-level marks inside), the inline view lists a changed block's old lines
 * and then its new ones, and unchanged lines further than {@value #CONTEXT} from any change are
 * folded into gap rows. Stateless.
 */
final class DiffLayout {
    /** Unchanged lines shown around each change, as {@code git diff} does. */
    static final int CONTEXT = 3;

    /** Both views of one diff. */
    record Views(List<Row> sideBySide, List<Line> inline) {}

    private DiffLayout() {}

    static Views layout(String oldText, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Row> rows = new ArrayList<>();
        List<Line> inline = new ArrayList<>();
        int ia = 0;
        int ib = 0;
        for (TextDiff.Region region : TextDiff.regions(a, b)) {
            for (; ia < region.beginA(); ia++, ib++) {
                context(a.get(ia), ia + 1, ib + 1, rows, inline);
            }
            List<Line> inserted = new ArrayList<>();
            int oldCount = region.endA() - region.beginA();
            int newCount = region.endB() - region.beginB();
            for (int k = 0; k < Math.max(oldCount, newCount); k++) {
                int oldNo = region.beginA() + k + 1;
                int newNo = region.beginB() + k + 1;
                if (k < oldCount && k < newCount) {
                    WordDiff.Pair pair = WordDiff.compare(a.get(oldNo - 1), b.get(newNo - 1));
                    rows.add(new Row(Type.CHANGE, oldNo, pair.old(), newNo, pair.changed(), 0));
                    inline.add(new Line(Type.DELETE, oldNo, 0, pair.old(), 0));
                    inserted.add(new Line(Type.INSERT, 0, newNo, pair.changed(), 0));
                } else if (k < oldCount) {
                    rows.add(new Row(Type.DELETE, oldNo, WordDiff.all(a.get(oldNo - 1)), 0, List.of(), 0));
                    inline.add(new Line(Type.DELETE, oldNo, 0, WordDiff.all(a.get(oldNo - 1)), 0));
                } else {
                    rows.add(new Row(Type.INSERT, 0, List.of(), newNo, WordDiff.all(b.get(newNo - 1)), 0));
                    inserted.add(new Line(Type.INSERT, 0, newNo, WordDiff.all(b.get(newNo - 1)), 0));
                }
            }
            inline.addAll(inserted);
            ia = region.endA();
            ib = region.endB();
        }
        for (; ia < a.size(); ia++, ib++) {
            context(a.get(ia), ia + 1, ib + 1, rows, inline);
        }
        return new Views(fold(rows, row -> row.type() == Type.CONTEXT, DiffLayout::rowGap),
                fold(inline, line -> line.type() == Type.CONTEXT, DiffLayout::lineGap));
    }

    private static void context(String text, int oldNo, int newNo, List<Row> rows, List<Line> inline) {
        rows.add(new Row(Type.CONTEXT, oldNo, WordDiff.none(text), newNo, WordDiff.none(text), 0));
        inline.add(new Line(Type.CONTEXT, oldNo, newNo, WordDiff.none(text), 0));
    }

    /** A text's lines without their breaks; a final line break does not start another line. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static Row rowGap(int hidden) {
        return new Row(Type.GAP, 0, List.of(), 0, List.of(), hidden);
    }

    private static Line lineGap(int hidden) {
        return new Line(Type.GAP, 0, 0, List.of(), hidden);
    }

    /** Keeps unchanged items within {@link #CONTEXT} of a change; each run of the rest becomes one gap. */
    private static <T> List<T> fold(List<T> items, Predicate<T> unchanged, java.util.function.IntFunction<T> gap) {
        int n = items.size();
        int[] distance = new int[n];
        int last = -CONTEXT - 1;
        for (int i = 0; i < n; i++) {
            if (!unchanged.test(items.get(i))) {
                last = i;
            }
            distance[i] = i - last;
        }
        last = n + CONTEXT + 1;
        for (int i = n - 1; i >= 0; i--) {
            if (!unchanged.test(items.get(i))) {
                last = i;
            }
            distance[i] = Math.min(distance[i], last - i);
        }
        List<T> kept = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < n; i++) {
            if (distance[i] <= CONTEXT) {
                if (hidden > 0) {
                    kept.add(gap.apply(hidden));
                    hidden = 0;
                }
                kept.add(items.get(i));
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            kept.add(gap.apply(hidden));
        }
        return kept;
    }
}
