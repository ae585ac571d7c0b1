package org.clearinghouse.render;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work the renderer accepts for one page. Immutable and thread-safe.
 *
 * @param maxMarkdownBytes the largest page accepted, in UTF-8 bytes (front matter included)
 * @param timeBudget how long one render or outline may take, queueing included, before it is
 *     abandoned with a {@link org.clearinghouse.page.RenderFailedException}
 */
public record RenderLimits(int maxMarkdownBytes, Duration timeBudget) {

    /** 512 KiB and 3 seconds: far beyond any real toolkit page, well below what hurts. */
    public static final RenderLimits DEFAULT = new RenderLimits(512 * 1024, Duration.ofSeconds(3));

    public RenderLimits {
        if (maxMarkdownBytes <= 0) {
            throw new IllegalArgumentException("maxMarkdownBytes must be positive");
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive");
        }
    }
}
