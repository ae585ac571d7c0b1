package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearinghouse.search.RecruitmentPages.paths;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries over the recruitment fixture and the pages they must find, in order where it matters. */
class SearchRelevanceTest {
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

    private static SearchResults search(String query) {
        return index.searchUnguarded(SearchRequest.of(query, 20));
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() {
        SearchResults results = search("recruiting");
        assertThat(paths(results)).first().isEqualTo("Toolkits/Recruiting-for-Diversity");
        // "recruitment" only appears in these bodies: found through the common stem.
        assertThat(paths(results)).contains("Programs/Mentoring", "Committee/Meeting-Notes");
    }

    @Test
    void singularFindsPluralTitle() {
        assertThat(paths(search("scholarship"))).first().isEqualTo("Funding/Scholarships");
    }

    @Test
    void titleMatchesRankAboveBodyMatches() {
        // Mentoring says "scholarship" three times in its body; the title match still wins.
        assertThat(paths(search("scholarship"))).containsExactly("Funding/Scholarships", "Programs/Mentoring");
        assertThat(paths(search("mentors"))).first().isEqualTo("Programs/Mentoring");
    }

    @Test
    void headingMatchesRankAboveBodyMatches() {
        // "certification" only in a heading of School-Librarianship; "literacy" only in its body.
        assertThat(paths(search("certification"))).containsExactly("Careers/School-Librarianship");
        SearchResults results = search("faculty");
        assertThat(paths(results)).containsExactly("Careers/Academic-Librarianship");
    }

    @Test
    void allWordsMustMatch() {
        assertThat(paths(search("career booth"))).containsExactly("Outreach/Job-Fair");
    }

    @Test
    void fallsBackToAnyWordWhenNoPageHasAll() {
        SearchResults results = search("storytime archivists");
        assertThat(paths(results)).containsExactlyInAnyOrder("Careers/Public-Librarianship", "Careers/Archives");
    }

    @Test
    void quotedPhraseMatchesWordsInOrderOnly() {
        SearchResults results = search("\"career day\"");
        assertThat(paths(results)).first().isEqualTo("Toolkits/Career-Day-Kit");
        assertThat(paths(results)).contains("Committee/Meeting-Notes").doesNotContain("Outreach/Job-Fair");
        assertThat(paths(search("\"career fair\""))).containsExactly("Outreach/Job-Fair");
    }

    @Test
    void phraseWithStopWordStillMatches() {
        assertThat(paths(search("\"recruiting for diversity\""))).first()
                .isEqualTo("Toolkits/Recruiting-for-Diversity");
    }

    @Test
    void excludedWordsAndPhrasesRemovePages() {
        assertThat(paths(search("librarianship"))).contains("Careers/School-Librarianship");
        assertThat(paths(search("librarianship -school")))
                .contains("Careers/Academic-Librarianship", "Careers/Public-Librarianship")
                .doesNotContain("Careers/School-Librarianship", "Toolkits/Career-Day-Kit");
        assertThat(paths(search("career -\"career day\""))).contains("Outreach/Job-Fair")
                .doesNotContain("Toolkits/Career-Day-Kit");
    }

    @Test
    void prefixMatchesWordBeginnings() {
        assertThat(paths(search("librar*"))).contains("Careers/Academic-Librarianship",
                "Careers/Public-Librarianship", "Careers/School-Librarianship");
        assertThat(paths(search("intern*"))).first().isEqualTo("Programs/Internships");
        assertThat(paths(search("recruiting*"))).first().isEqualTo("Toolkits/Recruiting-for-Diversity");
    }

    @Test
    void tagAudienceAndTypeFiltersInTheQuery() {
        assertThat(paths(search("tag:careers"))).containsExactlyInAnyOrder("Careers/Academic-Librarianship",
                "Careers/Public-Librarianship", "Careers/School-Librarianship", "Careers/Archives");
        assertThat(paths(search("library TAG:Careers audience:teachers")))
                .containsExactly("Careers/School-Librarianship");
        assertThat(paths(search("type:kit"))).containsExactlyInAnyOrder("Toolkits/Career-Day-Kit",
                "Outreach/Job-Fair");
        assertThat(paths(search("tag:\"career day\" booth"))).containsExactly("Outreach/Job-Fair");
        assertThat(paths(search("tag:careers -tag:school"))).hasSize(3)
                .doesNotContain("Careers/School-Librarianship");
    }

    @Test
    void requestFiltersCombineWithQueryFilters() {
        SearchRequest byTag = new SearchRequest("library", Optional.of("Careers"), Optional.empty(),
                Optional.empty(), 10, 0);
        assertThat(paths(index.searchUnguarded(byTag))).contains("Careers/Academic-Librarianship")
                .allMatch(p -> p.startsWith("Careers/"));
        SearchRequest both = new SearchRequest("library audience:teachers", Optional.of("careers"),
                Optional.empty(), Optional.of("profile"), 10, 0);
        assertThat(paths(index.searchUnguarded(both))).containsExactly("Careers/School-Librarianship");
        SearchRequest none = new SearchRequest("library", Optional.empty(), Optional.empty(), Optional.of("kit"),
                10, 0);
        assertThat(index.searchUnguarded(none).hits()).allMatch(h -> h.type().equals(Optional.of("kit")));
    }

    @Test
    void facetsCountTheWholeMatchingSet() {
        SearchResults results = index.searchUnguarded(SearchRequest.of("librarianship", 1));
        assertThat(results.hits()).hasSize(1);
        assertThat(results.facets()).containsOnlyKeys("tags", "audience", "type");
        assertThat(results.facets().get("tags")).containsEntry("careers", 3).containsEntry("school", 1);
        assertThat(results.facets().get("type")).containsEntry("profile", 3);
        // Sorted by count, then name.
        List<String> tags = List.copyOf(results.facets().get("tags").keySet());
        assertThat(tags.get(0)).isEqualTo("careers");
        assertThat(tags.subList(1, tags.size())).isSorted();
    }

    @Test
    void typoFindsPagesByFuzzyMatchAndSuggestsACorrection() {
        SearchResults results = search("scholarsips");
        assertThat(paths(results)).first().isEqualTo("Funding/Scholarships");
        assertThat(results.suggestion()).contains("scholarships");
        SearchResults two = search("mentorng progam");
        assertThat(paths(two)).first().isEqualTo("Programs/Mentoring");
        assertThat(two.suggestion()).contains("mentoring program");
    }

    @Test
    void correctionKeepsTheRestOfTheQuery() {
        assertThat(search("\"career day\" scholarsips tag:funding").suggestion())
                .contains("\"career day\" scholarships tag:funding");
    }

    @Test
    void noSuggestionWhenEveryWordExists() {
        assertThat(search("scholarship").suggestion()).isEmpty();
        assertThat(search("archives").suggestion()).isEmpty();
        assertThat(search("zzzzqqqq").suggestion()).isEmpty();
    }

    @Test
    void equallyRelevantPagesComeNewestFirst(@TempDir Path other) {
        try (SearchIndex fresh = SearchIndex.open(other)) {
            fresh.apply(RecruitmentPages.COMMIT_1, List.of(
                    RecruitmentPages.page("Old", "Booth checklist", List.of(), "Same words.", "", List.of(), List.of(),
                            null, "2020-01-01"),
                    RecruitmentPages.page("New", "Booth checklist", List.of(), "Same words.", "", List.of(), List.of(),
                            null, "2024-01-01")), List.of());
            assertThat(paths(fresh.searchUnguarded(SearchRequest.of("booth", 10)))).containsExactly("New", "Old");
        }
    }
}
