package org.clearinghouse.render;

/**
 * The point in time by which one render must finish, and a way to stop work that runs past it.
 * Java cannot stop a thread from outside, and Flexmark never checks for interruption, so the
 * worker checks instead: the Markdown reaches Flexmark wrapped by {@link #guard(String)}, whose
 * {@code charAt} (which every parsing loop calls) now and then compares the clock, and the
 * pipeline calls {@link #check()} between its stages. Thread-safe: {@link #cancel()} may be
 * called from any thread.
 */
final class Deadline {

    private final long endNanos;
    private volatile boolean cancelled;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code budgetNanos} from now. */
    static Deadline in(long budgetNanos) {
        return new Deadline(System.nanoTime() + budgetNanos);
    }

    /** Nanoseconds left, never negative. */
    long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    /** Makes every later {@link #check()} throw, e.g. when the caller stopped waiting. */
    void cancel() {
        cancelled = true;
    }

    /** @throws Exceeded when the deadline has passed or was cancelled */
    void check() {
        if (cancelled || System.nanoTime() - endNanos > 0) {
            throw new Exceeded();
        }
    }

    /** The text as a {@link CharSequence} that checks this deadline as it is read. */
    CharSequence guard(String text) {
        return new GuardedText(text, this);
    }

    /**
     * Thrown inside the worker to unwind Flexmark once the deadline has passed. Carries no stack
     * trace: it is expected, and may be thrown from very deep recursion.
     */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("render deadline exceeded", null, false, false);
        }
    }

    /** Text that checks the deadline every few thousand characters read. Single-threaded. */
    private static final class GuardedText implements CharSequence {
        private static final int CHECK_EVERY = 4096 - 1;

        private final String text;
        private final Deadline deadline;
        private int reads;

        GuardedText(String text, Deadline deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & CHECK_EVERY) == 0) {
                deadline.check();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new GuardedText(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
