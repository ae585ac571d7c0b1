package org.clearinghouse.render;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.clearinghouse.page.RenderFailedException;
import org.clearinghouse.page.WikiException;

/**
 * Runs Markdown work within a time and stack budget. Flexmark recurses once per nesting level and
 * some inputs take it tens of seconds, so each job runs on a small, bounded pool of daemon
 * threads with large stacks, and the caller waits at most until the job's {@link Deadline}: a
 * {@link StackOverflowError} or a missed deadline becomes a {@link RenderFailedException} with a
 * message for a person, never a stuck request. A job that overruns is told to stop (see
 * {@link Deadline}) and, if it really used its whole budget, is remembered by
 * {@link FailureMemory} so it fails fast next time. Thread-safe.
 */
final class RenderBudget {

    static final String TOO_DEEP = "This page is too deeply nested to display.";
    static final String TOO_SLOW = "This page took too long to display. It may be too large or too deeply nested.";
    static final String BUSY = "The wiki is too busy to display this page right now. Please try again shortly.";
    static final String BROKEN = "This page could not be displayed.";

    /** Enough for thousands of nesting levels; only the stack actually used is committed. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;
    private static final int QUEUE = 1024;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final long budgetNanos;
    private final ThreadPoolExecutor pool;
    private final FailureMemory failures = new FailureMemory();

    RenderBudget(long budgetNanos) {
        this.budgetNanos = budgetNanos;
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), threadFactory());
        // Idle renderers (and the many built by tests) must not hold threads forever.
        pool.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory threadFactory() {
        String prefix = "markdown-" + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        return job -> {
            Thread thread = new Thread(null, job, prefix + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs {@code work} on a worker and returns its result.
     *
     * @param key the {@link FailureMemory} key for the work, so a known-bad text fails at once;
     *     computed only when there is a failure to recall or to remember
     * @throws RenderFailedException when the work overflows the stack, misses the deadline, or the
     *     pool is saturated; a {@link WikiException} thrown by the work passes through unchanged
     */
    <T> T run(Supplier<String> key, Function<Deadline, T> work) {
        if (!failures.isEmpty()) {
            var remembered = failures.recall(key.get());
            if (remembered.isPresent()) {
                throw new RenderFailedException(remembered.get(), null);
            }
        }
        Deadline deadline = Deadline.in(budgetNanos);
        AtomicLong started = new AtomicLong(); // written by the worker, read here
        Future<T> future;
        try {
            future = pool.submit(() -> {
                started.set(System.nanoTime());
                return work.apply(deadline);
            });
        } catch (RejectedExecutionException e) {
            throw new RenderFailedException(BUSY, e);
        }
        try {
            return future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(deadline, future);
            throw timedOut(key, started.get(), e);
        } catch (InterruptedException e) {
            stop(deadline, future);
            Thread.currentThread().interrupt();
            throw new RenderFailedException(BUSY, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StackOverflowError) {
                failures.remember(key.get(), TOO_DEEP);
                throw new RenderFailedException(TOO_DEEP, cause);
            }
            if (cause instanceof Deadline.Exceeded) {
                throw timedOut(key, started.get(), cause);
            }
            if (cause instanceof WikiException wiki) {
                throw wiki;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new RenderFailedException(BROKEN, cause);
        }
    }

    private static void stop(Deadline deadline, Future<?> future) {
        deadline.cancel();
        future.cancel(true);
    }

    /**
     * Remembers the failure only when the job itself ran for most of the budget: a job that
     * spent its time queued behind others says nothing about its text.
     */
    private RenderFailedException timedOut(Supplier<String> key, long startedNanos, Throwable cause) {
        if (startedNanos != 0 && System.nanoTime() - startedNanos >= budgetNanos * 3 / 4) {
            failures.remember(key.get(), TOO_SLOW);
        }
        return new RenderFailedException(TOO_SLOW, cause);
    }
}
