package org.clearinghouse.search;

import java.util.List;
import java.util.Optional;

/**
 * One result. {@code snippet} is safe HTML: the page text HTML-escaped, with the matched words
 * wrapped in {@code <mark>…</mark>}; it never carries markup from the page itself. The other
 * strings are plain text and must be escaped by whoever renders them. Immutable.
 *
 * @param score the relevance score (0 when the results are not ranked, as in browsing)
 */
public record SearchHit(String path, String title, String snippet, float score, List<String> tags, String summary,
        Optional<String> type) {

    public SearchHit {
        tags = List.copyOf(tags);
    }
}
