package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearinghouse.search.RecruitmentPages.paths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows of results, the total, browsing in title order, and the clamping of requests. */
class PaginationAndBrowseTest {
    @TempDir
    static Path dir;
    private static SearchIndex index;

    @BeforeAll
    static void fill() {
        index = RecruitmentPages.openFilled(dir);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static SearchResults window(String query, int limit, int offset) {
        return index.searchUnguarded(new SearchRequest(query, Optional.empty(), Optional.empty(), Optional.empty(),
                limit, offset));
    }

    @Test
    void windowsPartitionTheResults() {
        SearchResults all = window("library", 100, 0);
        assertThat(all.total()).isGreaterThanOrEqualTo(6).isEqualTo(all.hits().size());
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.total(); offset += 2) {
            SearchResults page = window("library", 2, offset);
            assertThat(page.total()).isEqualTo(all.total());
            assertThat(page.hits()).hasSizeLessThanOrEqualTo(2);
            paged.addAll(paths(page));
        }
        assertThat(paged).isEqualTo(paths(all));
        assertThat(window("library", 5, 1000).hits()).isEmpty();
        assertThat(window("library", 5, 1000).total()).isEqualTo(all.total());
    }

    @Test
    void requestsAreClamped() {
        SearchRequest request = new SearchRequest(null, null, Optional.of(" "), Optional.empty(), 5000, -3);
        assertThat(request.limit()).isEqualTo(SearchRequest.MAX_LIMIT);
        assertThat(request.offset()).isZero();
        assertThat(request.query()).isEmpty();
        assertThat(request.tag()).isEmpty();
        assertThat(request.audience()).isEmpty();
        assertThat(new SearchRequest("x", Optional.empty(), Optional.empty(), Optional.empty(), 0, 1 << 30))
                .satisfies(r -> {
                    assertThat(r.limit()).isEqualTo(1);
                    assertThat(r.offset()).isEqualTo(SearchRequest.MAX_OFFSET);
                });
    }

    @Test
    void browseListsEveryPageInTitleOrderWithFacets() {
        SearchResults all = index.browse(Optional.empty(), Optional.empty(), Optional.empty(), 100, 0);
        assertThat(all.total()).isEqualTo(12);
        List<String> titles = all.hits().stream().map(SearchHit::title).toList();
        assertThat(titles).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(titles.get(0)).isEqualTo("Academic Librarianship");
        assertThat(all.facets().get("tags")).containsEntry("careers", 4).containsEntry("outreach", 3);
        assertThat(all.facets().get("audience")).containsEntry("students", 8);
        assertThat(all.facets().get("type").keySet()).first().isEqualTo("profile");
        assertThat(all.hits()).allSatisfy(hit -> assertThat(hit.snippet()).isNotBlank());
    }

    @Test
    void browseFiltersAndPages() {
        SearchResults careers = index.browse(Optional.of("CAREERS"), Optional.empty(), Optional.empty(), 2, 0);
        assertThat(careers.total()).isEqualTo(4);
        assertThat(careers.hits()).extracting(SearchHit::title)
                .containsExactly("Academic Librarianship", "Careers in Archives");
        SearchResults next = index.browse(Optional.of("careers"), Optional.empty(), Optional.empty(), 2, 2);
        assertThat(next.hits()).extracting(SearchHit::title)
                .containsExactly("Public Librarianship", "School Librarianship");
        assertThat(careers.facets().get("tags")).containsEntry("careers", 4).doesNotContainKey("funding");
        SearchResults kits = index.browse(Optional.empty(), Optional.of("committee"), Optional.of("kit"), 10, 0);
        assertThat(paths(kits)).containsExactly("Outreach/Job-Fair");
    }

    @Test
    void hitsCarryTheirDisplayFields() {
        SearchHit hit = window("scholarship", 1, 0).hits().get(0);
        assertThat(hit.title()).isEqualTo("Scholarships and Financial Aid");
        assertThat(hit.tags()).containsExactly("funding");
        assertThat(hit.summary()).isEqualTo("Money for library school.");
        assertThat(hit.type()).contains("list");
        assertThat(hit.score()).isPositive();
    }
}
