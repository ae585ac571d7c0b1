package org.clearinghouse.app;

import java.io.PrintWriter;

/** A one-line terminal progress bar, redrawn in place with a carriage return. */
final class ProgressBar {
    private static final int WIDTH = 40;

    private final PrintWriter out;
    private final int total;
    private String lastLine = "";

    ProgressBar(PrintWriter out, int total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    void show(String label, int done) {
        int filled = (int) Math.min(WIDTH, (long) done * WIDTH / total);
        String line = String.format("\r%-8s [%s%s] %d/%d", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.min(done, total), total);
        if (!line.equals(lastLine)) {
            out.print(line);
            out.flush();
            lastLine = line;
        }
    }

    void finish() {
        out.println();
        out.flush();
    }
}
