package org.clearinghouse.store;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;

/**
 * Git's histogram diff over any two lists of strings: lines of a page, or the words of one line
 * for highlighting inside it. Lives here because JGit does (the same algorithm {@code git diff}
 * uses); callers get plain edit ranges. Thread-safe and stateless.
 */
public final class TextDiff {
    private static final DiffAlgorithm HISTOGRAM =
            DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    /**
     * One region that differs: {@code a[beginA, endA)} was replaced by {@code b[beginB, endB)}.
     * An empty range on one side is a pure insertion or deletion.
     */
    public record Region(int beginA, int endA, int beginB, int endB) {}

    private TextDiff() {}

    /** The differing regions between {@code a} and {@code b}, in order. */
    public static List<Region> regions(List<String> a, List<String> b) {
        List<Region> regions = new ArrayList<>();
        for (Edit edit : HISTOGRAM.diff(Strings.COMPARATOR, new Strings(a), new Strings(b))) {
            regions.add(new Region(edit.getBeginA(), edit.getEndA(), edit.getBeginB(), edit.getEndB()));
        }
        return regions;
    }

    /** A list of strings as a JGit sequence. */
    private static final class Strings extends Sequence {
        static final SequenceComparator<Strings> COMPARATOR = new SequenceComparator<>() {
            @Override
            public boolean equals(Strings a, int ai, Strings b, int bi) {
                return a.items.get(ai).equals(b.items.get(bi));
            }

            @Override
            public int hash(Strings sequence, int index) {
                return sequence.items.get(index).hashCode();
            }
        };

        private final List<String> items;

        Strings(List<String> items) {
            this.items = items;
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
