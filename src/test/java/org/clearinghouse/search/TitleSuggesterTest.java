package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search-as-you-type: titles with a word starting with what was typed, best first, bounded. */
class TitleSuggesterTest {
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

    @Test
    void titlesStartingWithThePrefixComeFirst() {
        assertThat(index.suggest("car", 10)).extracting(TitleSuggestion::title)
                .containsExactly("Career Day Kit", "Careers in Archives");
        assertThat(index.suggest("Car", 10).get(0).path()).isEqualTo("Toolkits/Career-Day-Kit");
    }

    @Test
    void anyWordOfTheTitleCounts() {
        assertThat(index.suggest("libr", 10)).extracting(TitleSuggestion::title)
                .containsExactly("Public Librarianship", "School Librarianship", "Academic Librarianship");
        assertThat(index.suggest("arch", 10)).extracting(TitleSuggestion::title)
                .containsExactly("Careers in Archives");
    }

    @Test
    void earlierWordsMustMatchWhole() {
        assertThat(index.suggest("school lib", 10)).extracting(TitleSuggestion::title)
                .containsExactly("School Librarianship");
        assertThat(index.suggest("career d", 10)).extracting(TitleSuggestion::title)
                .containsExactly("Career Day Kit");
    }

    @Test
    void limitedAndSafe() {
        assertThat(index.suggest("librarianship", 1)).hasSize(1);
        assertThat(index.suggest("l", 500)).hasSizeLessThanOrEqualTo(TitleSuggester.MAX_LIMIT);
        assertThat(index.suggest("", 10)).isEmpty();
        assertThat(index.suggest(null, 10)).isEmpty();
        assertThat(index.suggest("***", 10)).isEmpty();
        assertThat(index.suggest("zzz", 10)).isEmpty();
        assertThat(index.suggest("x".repeat(10_000), 10)).isEmpty();
    }
}
