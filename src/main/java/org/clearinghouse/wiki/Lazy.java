package org.clearinghouse.wiki;

import java.util.function.Supplier;

/** A value computed on first use and then remembered. Thread-safe. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    private Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    static <T> Lazy<T> of(Supplier<T> compute) {
        return new Lazy<>(compute);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = compute.get();
                    value = result;
                }
            }
        }
        return result;
    }
}
