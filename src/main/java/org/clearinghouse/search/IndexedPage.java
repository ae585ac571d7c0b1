package org.clearinghouse.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page as the index sees it: plain text already extracted from the Markdown by the caller.
 * Missing values are normalised (null lists become empty, a null title becomes the path, a null
 * time becomes the epoch) so a half-filled page can still be indexed. Immutable.
 *
 * @param path     the page's path, its id in the index (required, not blank)
 * @param title    the title shown in results and suggestions
 * @param headings the section headings, searched with a smaller boost than the title
 * @param body     the page text, searched, highlighted and stored for snippets
 * @param summary  a short description shown when no snippet matches
 * @param tags     front-matter tags (a facet and a filter)
 * @param audience front-matter audiences (a facet and a filter)
 * @param type     front-matter page type (a facet and a filter)
 * @param updated  time of the last change, the tie-break between equally relevant pages
 */
public record IndexedPage(String path, String title, List<String> headings, String body, String summary,
        List<String> tags, List<String> audience, Optional<String> type, Instant updated) {

    public IndexedPage {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("A page path must not be blank");
        }
        title = title == null || title.isBlank() ? path : title;
        headings = copy(headings);
        body = body == null ? "" : body;
        summary = summary == null ? "" : summary;
        tags = copy(tags);
        audience = copy(audience);
        type = type == null ? Optional.empty() : type.filter(t -> !t.isBlank());
        updated = updated == null ? Instant.EPOCH : updated;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
