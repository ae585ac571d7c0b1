package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A lazy value is computed once, on first use; a value derived from it waits for that use too. */
class LazyTest {
    @Test
    void computesOnceOnFirstUse() {
        AtomicInteger runs = new AtomicInteger();
        Lazy<String> value = Lazy.of(() -> "v" + runs.incrementAndGet());
        assertThat(runs).hasValue(0);
        assertThat(value.get()).isEqualTo("v1");
        assertThat(value.get()).isEqualTo("v1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void derivingFromAValueNobodyAskedForComputesNothingYet() {
        AtomicInteger runs = new AtomicInteger();
        Lazy<Integer> base = Lazy.of(() -> {
            runs.incrementAndGet();
            return 20;
        });
        Lazy<Integer> derived = base.then(n -> n + 1).then(n -> n * 2);
        assertThat(runs).hasValue(0);
        assertThat(derived.get()).isEqualTo(42);
        assertThat(base.get()).isEqualTo(20);
        assertThat(runs).hasValue(1);
    }

    @Test
    void derivingFromAKnownValueComputesAtOnce() {
        Lazy<Integer> base = Lazy.of(() -> 20);
        base.get();
        AtomicInteger derivations = new AtomicInteger();
        base.then(n -> derivations.incrementAndGet() + n);
        assertThat(derivations).hasValue(1);
    }
}
