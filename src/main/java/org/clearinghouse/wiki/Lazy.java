package org.clearinghouse.wiki;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value computed on first use and then remembered; what computed it is let go then, so a chain
 * of values derived from one another is not kept alive by the first. Thread-safe.
 */
final class Lazy<T> implements Supplier<T> {
    private Supplier<T> compute; // null once computed; read and written under the lock
    private volatile T value;

    private Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    static <T> Lazy<T> of(Supplier<T> compute) {
        return new Lazy<>(compute);
    }

    /**
     * The value derived from this one: computed now when this one is known, else on first use,
     * so deriving from a value nobody asked for yet costs nothing.
     */
    <R> Lazy<R> then(Function<T, R> derive) {
        T known = value;
        if (known != null) {
            R derived = derive.apply(known);
            return new Lazy<>(() -> derived);
        }
        return new Lazy<>(() -> derive.apply(get()));
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
                    compute = null;
                }
            }
        }
        return result;
    }
}
