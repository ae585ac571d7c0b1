package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a visitor types, the answer is a normal (maybe empty) result and never an exception.
 * These call the query pipeline without {@link SearchIndex#search}'s safety net.
 */
class HostileQueryTest {
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

    static Stream<String> hostileQueries() {
        return Stream.of(
                "", " ", "\"", "\"\"", "\"\"\"", "(((", ")))", "AND OR NOT", "title:", "tag:", "tag:\"",
                "tag:\"\"", "audience:", "type:\"unterminated", "*", "**", "?", "\\", "\\\\", "~", "^", "~2", "a^10",
                "scholarship~", "scholarship^100", "-", "--", "- -", "-\"", "-*", "*foo", "?oo", "fo?o", "s*",
                "/regex.*/", "[a TO z]", "{a TO z}", "+", "++library", "&&", "||", "!", ":", "::", "a:b:c",
                "x".repeat(10_000), "library ".repeat(2_000), "\"library ".repeat(600),
                "librar* ".repeat(100), "scholarsips ".repeat(100), "tag:x ".repeat(100),
                "\u0000\u0001\u0007\u001b[31m", "\u202e\u200b\u200d\ufeff", "\ud800", "\udc00 lib",
                "😀 📚 library", "𝔩𝔦𝔟𝔯𝔞𝔯𝔶", "図書館", "библиотека", "مكتبة", "é\u0301",
                "<script>alert(1)</script>", "' OR 1=1 --", "%00", "${jndi:ldap://x}", "../../etc/passwd",
                "null", "undefined", "NaN", "\t\n\r", "\"career day", "career day\"", "tag:\"career day",
                "-tag:careers", "-tag:", "type:" + "k".repeat(5000), "library -library", "\"the and of\"",
                "the", "the*", "ab*", "a*", "ééé*", "lib*rary", "***lib", "scholarship*~^", "\"\\\"\"");
    }

    @ParameterizedTest
    @MethodSource("hostileQueries")
    void anyQueryGivesANormalResult(String query) {
        SearchResults results = index.searchUnguarded(new SearchRequest(query, Optional.of("\u0000"),
                Optional.empty(), Optional.empty(), 10, 0));
        sane(results);
        SearchResults plain = index.searchUnguarded(SearchRequest.of(query, 10));
        sane(plain);
        assertThat(index.search(SearchRequest.of(query, 10))).isEqualTo(plain);
        assertThat(index.suggest(query, 10)).hasSizeLessThanOrEqualTo(TitleSuggester.MAX_LIMIT);
    }

    private static void sane(SearchResults results) {
        assertThat(results.total()).isBetween(0L, 12L);
        assertThat(results.hits()).hasSizeLessThanOrEqualTo(10);
        assertThat((long) results.hits().size()).isLessThanOrEqualTo(results.total());
        assertThat(results.facets()).containsOnlyKeys("tags", "audience", "type");
        for (SearchHit hit : results.hits()) {
            String tagless = hit.snippet().replace("<mark>", "").replace("</mark>", "");
            assertThat(tagless).doesNotContain("<", ">");
        }
        results.suggestion().ifPresent(s -> assertThat(s).isNotBlank());
    }

    @Test
    void noiseAroundRealWordsStillFindsThem() {
        assertThat(RecruitmentPages.paths(index.searchUnguarded(SearchRequest.of("((scholarship)) AND ~^", 10))))
                .first().isEqualTo("Funding/Scholarships");
        assertThat(RecruitmentPages.paths(index.searchUnguarded(SearchRequest.of("*internships", 10))))
                .first().isEqualTo("Programs/Internships");
        assertThat(index.searchUnguarded(SearchRequest.of("the and of", 10)).total()).isZero();
    }

    @Test
    void expansionsPastTheClauseLimitFallBackToAPlainSearch(@TempDir Path other) {
        // 3,000 words one or two edits from one another: every misspelt part expands to its maximum.
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            body.append(String.format("q%05d ", i));
        }
        // Eight misspelt words of eight parts each, and eight prefixes: over 2,000 terms if expanded.
        String query = java.util.stream.IntStream.range(0, 8)
                .mapToObj(w -> java.util.stream.IntStream.range(0, 8)
                        .mapToObj(t -> String.format("q%05dz", w * 300 + t * 30))
                        .collect(java.util.stream.Collectors.joining("-")))
                .collect(java.util.stream.Collectors.joining(" ")) + " q0* q1* q2* q00* q01* q02* q000* q001*";
        try (SearchIndex fresh = SearchIndex.open(other)) {
            fresh.apply(RecruitmentPages.COMMIT_1, java.util.List.of(RecruitmentPages.simple("Numbers", "Numbers",
                    body.toString())), java.util.List.of());
            SearchResults results = fresh.searchUnguarded(SearchRequest.of(query, 10));
            // Expanded, every part would match the page; searched plainly, "q0" and the typos match nothing.
            assertThat(results.total()).isZero();
            assertThat(fresh.searchUnguarded(SearchRequest.of("q00001 q0000*", 10)).total()).isEqualTo(1);
        }
    }
}
