package org.clearinghouse.wiki;

/**
 * Size limits on what editors may save. A page over {@code maxPageBytes} or a file over
 * {@code maxFileBytes} is refused with a clear error and nothing is written.
 */
public record WikiLimits(int maxPageBytes, long maxFileBytes) {
    /** 1 MiB of Markdown and 10 MB files. */
    public static final WikiLimits DEFAULT = new WikiLimits(1024 * 1024, 10L * 1000 * 1000);

    public WikiLimits {
        if (maxPageBytes <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }
}
