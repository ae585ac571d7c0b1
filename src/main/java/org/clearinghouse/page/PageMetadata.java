package org.clearinghouse.page;

import java.util.List;
import java.util.Optional;

/**
 * What a page's YAML front matter says about it. Every field is optional in the file; absent
 * lists are empty and absent strings are empty {@link Optional}s, never null.
 *
 * @param title the front matter {@code title}
 * @param summary a one-line description
 * @param tags free tags, in the order written, without duplicates
 * @param audience who the page is for, e.g. {@code school}, {@code public}, {@code academic}
 * @param type what kind of resource, e.g. {@code toolkit}, {@code handout}, {@code guide}
 */
public record PageMetadata(
        Optional<String> title,
        Optional<String> summary,
        List<String> tags,
        List<String> audience,
        Optional<String> type) {

    /** No front matter at all. */
    public static final PageMetadata EMPTY =
            new PageMetadata(Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty());

    public PageMetadata {
        tags = List.copyOf(tags);
        audience = List.copyOf(audience);
    }
}
