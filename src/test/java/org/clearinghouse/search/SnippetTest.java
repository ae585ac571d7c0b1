package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snippets are escaped text with the matches marked, and never carry the page's own markup. */
class SnippetTest {
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

    private static SearchHit first(String query) {
        List<SearchHit> hits = index.searchUnguarded(SearchRequest.of(query, 5)).hits();
        assertThat(hits).isNotEmpty();
        return hits.get(0);
    }

    @Test
    void matchesAreMarked() {
        SearchHit hit = first("storytime");
        assertThat(hit.snippet()).contains("<mark>storytime</mark>");
    }

    @Test
    void stemmedMatchesAreMarkedAsWritten() {
        SearchHit hit = first("recruiting -diversity");
        assertThat(hit.snippet()).containsAnyOf("<mark>recruitment</mark>");
    }

    @Test
    void pageMarkupIsEscaped() {
        SearchHit hit = first("posts");
        assertThat(hit.path()).isEqualTo("Outreach/Social-Media");
        assertThat(hit.snippet()).contains("<mark>posts</mark>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("short &amp; friendly")
                .doesNotContain("<script");
        // The only tags in a snippet are the marks.
        assertThat(hit.snippet().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
    }

    @Test
    void phrasesArePrefixesAndTyposMarked() {
        assertThat(first("\"career fair\"").snippet()).contains("<mark>career fair</mark>");
        assertThat(first("archiv*").snippet()).contains("<mark>Archivists</mark>", "<mark>archival</mark>");
        assertThat(first("storytme").snippet()).contains("<mark>storytime</mark>");
    }

    @Test
    void withoutAMatchInTheBodyTheSummaryOrTheBodyStartIsShown() {
        // Title-only match: the summary of the scholarships page.
        SearchHit scholarships = first("financial");
        assertThat(scholarships.snippet()).isEqualTo("Money for library school.");
        // Filter-only search and no summary: the start of the body.
        SearchHit notes = first("type:notes");
        assertThat(notes.snippet()).startsWith("Minutes from the recruitment committee");
    }

    @Test
    void longBodiesGiveShortSnippetsAroundTheMatch(@TempDir Path other) {
        String filler = "Lorem ipsum dolor sit amet consectetur adipiscing elit ".repeat(60);
        String body = filler + "The <b>scholarship</b> deadline is in May. " + filler;
        try (SearchIndex fresh = SearchIndex.open(other)) {
            fresh.apply(RecruitmentPages.COMMIT_1, List.of(RecruitmentPages.simple("Long", "Long page", body)),
                    List.of());
            String snippet = fresh.searchUnguarded(SearchRequest.of("scholarship", 1)).hits().get(0).snippet();
            assertThat(snippet).contains("&lt;b&gt;<mark>scholarship</mark>&lt;/b&gt;")
                    .startsWith(MarkFormatter.ELLIPSIS).endsWith(MarkFormatter.ELLIPSIS);
            assertThat(snippet.length()).isLessThan(400);
        }
    }

    @Test
    void escapeCoversEveryHtmlSpecialCharacter() {
        assertThat(MarkFormatter.escape("a<b>&\"c\"'d'\n\n e"))
                .isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; e");
        assertThat(Snippets.fallback("", "x".repeat(500))).hasSizeLessThan(260).endsWith(MarkFormatter.ELLIPSIS);
    }

    @Test
    void fallbackShowsTheStartOfALongBodyCollapsedAsTheWholeBodyWouldBe() {
        java.util.Random random = new java.util.Random(3);
        String[] pieces = {"word", " ", "\n\n", "\t ", "x", "\u2028", "longerword", "  \u00a0", "e\u0301", "&<>"};
        for (int round = 0; round < 500; round++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(400);
            while (body.length() < length) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = body.toString();
            assertThat(Snippets.fallback("", text)).as(text).isEqualTo(wholeBodyFallback(text));
        }
    }

    /** The fallback as it was computed before only a prefix was collapsed. */
    private static String wholeBodyFallback(String text) {
        if (text.isBlank()) {
            return "";
        }
        String collapsed = text.strip().replaceAll("\\s+", " ");
        if (collapsed.length() <= Snippets.TARGET_CHARS) {
            return MarkFormatter.escape(collapsed);
        }
        int cut = collapsed.lastIndexOf(' ', Snippets.TARGET_CHARS);
        int end = cut > Snippets.TARGET_CHARS / 2 ? cut : Snippets.TARGET_CHARS;
        if (Character.isHighSurrogate(collapsed.charAt(end - 1))) {
            end--;
        }
        return MarkFormatter.escape(collapsed.substring(0, end)) + MarkFormatter.ELLIPSIS;
    }
}
