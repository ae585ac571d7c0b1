package org.clearinghouse.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/**
 * Three-way merge of one text file with Git's own algorithm: the same answer {@code git merge}
 * would give for that file. Pure function; thread-safe.
 */
public final class TextMerge {

    /**
     * The outcome of a merge.
     *
     * @param text the merged text; with Git-style conflict markers when {@code conflicted}
     * @param conflicted true when both sides changed the same lines differently
     */
    public record Result(String text, boolean conflicted) {}

    private TextMerge() {}

    /**
     * Merges {@code yours} and {@code theirs}, both changed from {@code base}. Conflict markers
     * name the sides "yours" and "theirs", as an editor reads them.
     */
    public static Result merge(String base, String yours, String theirs) {
        MergeResult<RawText> result = new MergeAlgorithm().merge(RawTextComparator.DEFAULT,
                text(base), text(yours), text(theirs));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new MergeFormatter().formatMerge(out, result, "base", "yours", "theirs", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(out.toString(StandardCharsets.UTF_8), result.containsConflicts());
    }

    private static RawText text(String text) {
        return new RawText(text.getBytes(StandardCharsets.UTF_8));
    }
}
