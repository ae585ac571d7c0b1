package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts stay right as the index changes: the facet values of segments kept from an older
 * view are reused, so counts must add up across old and new segments and forget replaced pages.
 */
class FacetCountTest {
    private static IndexedPage page(String path, List<String> tags, String type) {
        return RecruitmentPages.page(path, "Outreach " + path, List.of(), "Outreach fair notes.", "", tags,
                List.of("students"), type, "2024-01-01");
    }

    private static Map<String, Map<String, Integer>> facets(SearchIndex index, String query) {
        return index.searchUnguarded(SearchRequest.of(query, 10)).facets();
    }

    @Test
    void countsAddUpAcrossSegmentsAndFollowChanges(@TempDir Path dir) {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.apply(RecruitmentPages.COMMIT_1, List.of(page("A", List.of("fairs", "school"), "event"),
                    page("B", List.of("fairs"), "event")), List.of());
            assertThat(facets(index, "outreach").get("tags")).containsExactly(Map.entry("fairs", 2),
                    Map.entry("school", 1));
            // A second write is a new segment; the first is reused from the view before.
            index.apply(RecruitmentPages.COMMIT_2, List.of(page("C", List.of("school", "zines"), "guide")), List.of());
            Map<String, Map<String, Integer>> both = facets(index, "outreach");
            assertThat(both.get("tags")).containsExactly(Map.entry("fairs", 2), Map.entry("school", 2),
                    Map.entry("zines", 1));
            assertThat(both.get("type")).containsExactly(Map.entry("event", 2), Map.entry("guide", 1));
            assertThat(both.get("audience")).containsExactly(Map.entry("students", 3));
            // Replacing a page deletes it from the old segment: its old values are no longer counted.
            index.apply(RecruitmentPages.COMMIT_3, List.of(page("A", List.of("zines"), "guide")), List.of("B"));
            Map<String, Map<String, Integer>> after = facets(index, "outreach");
            assertThat(after.get("tags")).containsExactly(Map.entry("zines", 2), Map.entry("school", 1));
            assertThat(after.get("type")).containsExactly(Map.entry("guide", 2));
            assertThat(index.browse(Optional.of("zines"), Optional.empty(), Optional.empty(), 10, 0).facets()
                    .get("tags")).containsExactly(Map.entry("zines", 2), Map.entry("school", 1));
        }
    }

    @Test
    void anIndexWithoutFacetValuesCountsNothing(@TempDir Path dir) {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.apply(RecruitmentPages.COMMIT_1, List.of(RecruitmentPages.simple("Plain", "Plain page", "Outreach.")),
                    List.of());
            assertThat(facets(index, "outreach")).containsOnlyKeys("tags", "audience", "type")
                    .allSatisfy((dimension, values) -> assertThat(values).isEmpty());
        }
    }
}
