package org.clearinghouse.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The text {@code git diff} prints for one file: the {@code diff --git} header (with new, deleted
 * and renamed files marked as Git marks them), {@code ---}/{@code +++} lines and hunks with
 * three lines of context, formatted by JGit. Nothing when both sides are the same. Stateless.
 */
final class UnifiedDiff {
    private static final int ABBREV = 7;
    private static final String MODE = "100644";
    private static final String ZERO = "0000000";

    /** One side of the diff: a file's path and its blob, or nothing (the file is absent). */
    record Side(String path, String blobId, byte[] bytes) {}

    private UnifiedDiff() {}

    static String format(Optional<Side> from, Optional<Side> to) {
        if (from.isEmpty() && to.isEmpty()) {
            return "";
        }
        String oldPath = from.map(Side::path).orElseGet(() -> to.get().path());
        String newPath = to.map(Side::path).orElseGet(() -> from.get().path());
        byte[] oldBytes = from.map(Side::bytes).orElse(new byte[0]);
        byte[] newBytes = to.map(Side::bytes).orElse(new byte[0]);
        boolean sameText = Arrays.equals(oldBytes, newBytes) && from.isPresent() == to.isPresent();
        if (sameText && oldPath.equals(newPath)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("diff --git a/").append(oldPath).append(" b/").append(newPath).append('\n');
        if (from.isEmpty()) {
            out.append("new file mode ").append(MODE).append('\n');
        } else if (to.isEmpty()) {
            out.append("deleted file mode ").append(MODE).append('\n');
        } else if (!oldPath.equals(newPath)) {
            // Git's similarity score for an edited rename comes from its own hashing, which JGit's
            // estimate does not reproduce; a wrong figure would be worse than none (git apply needs none).
            if (sameText) {
                out.append("similarity index 100%\n");
            }
            out.append("rename from ").append(oldPath).append('\n');
            out.append("rename to ").append(newPath).append('\n');
        }
        if (sameText) {
            return out.toString();
        }
        String oldId = from.map(s -> s.blobId().substring(0, ABBREV)).orElse(ZERO);
        String newId = to.map(s -> s.blobId().substring(0, ABBREV)).orElse(ZERO);
        out.append("index ").append(oldId).append("..").append(newId);
        out.append(from.isPresent() && to.isPresent() ? " " + MODE : "").append('\n');
        out.append("--- ").append(from.isPresent() ? "a/" + oldPath : "/dev/null").append('\n');
        out.append("+++ ").append(to.isPresent() ? "b/" + newPath : "/dev/null").append('\n');
        out.append(hunks(oldBytes, newBytes));
        return out.toString();
    }

    private static String hunks(byte[] oldBytes, byte[] newBytes) {
        RawText a = new RawText(oldBytes);
        RawText b = new RawText(newBytes);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(bytes)) {
            formatter.setContext(3);
            formatter.format(edits, a, b);
            formatter.flush();
        } catch (IOException e) {
            throw new StoreException("Could not format a diff", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
