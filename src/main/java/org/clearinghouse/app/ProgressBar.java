package org.clearinghouse.app;

import java.io.PrintWriter;
import java.util.Map;

/**
 * A one-line terminal progress bar per task, redrawn in place with a carriage return at most ten
 * times a second (and at the end). A task with no known total shows a running count instead.
 */
final class ProgressBar {
    private static final int WIDTH = 40;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final Map<String, Integer> totals;
    private String label;
    private long drawnAt;

    ProgressBar(PrintWriter out, Map<String, Integer> totals) {
        this.out = out;
        this.totals = Map.copyOf(totals);
    }

    void show(String task, int done) {
        Integer total = totals.get(task);
        boolean finished = total != null && done >= total;
        long now = System.nanoTime();
        if (task.equals(label) && !finished && now - drawnAt < REDRAW_NANOS) {
            return;
        }
        if (label != null && !task.equals(label)) {
            out.println();
        }
        label = task;
        drawnAt = now;
        if (total == null) {
            out.printf("\r%-9s %d", task, done);
        } else {
            int filled = (int) Math.min(WIDTH, (long) done * WIDTH / Math.max(1, total));
            out.printf("\r%-9s [%s%s] %d/%d", task, "#".repeat(filled), ".".repeat(WIDTH - filled),
                    Math.min(done, total), total);
        }
        out.flush();
    }

    void finish() {
        if (label != null) {
            out.println();
        }
        out.flush();
    }
}
