package org.clearinghouse.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PagePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"Home", "Career-Day/Planning", "a_b.c", "Résumé", "2002/Town-Hall", "A/B/C/D",
            "v1.2"})
    void acceptsValidNames(String name) {
        assertThat(PagePath.of(name).toString()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/Home", "Home/", "a//b", "..", "../etc/passwd", "a/../b", ".git",
            "a/.git/config", ".hidden", "a/.b", "with space", "semi;colon", "a\\b", "tab\there",
            "new\nline", "nul\u0000", "q?x", "hash#x", "percent%2F", "<script>", "a:b", "-/."})
    void rejectsInvalidNames(String name) {
        assertThatThrownBy(() -> PagePath.of(name)).isInstanceOf(InvalidPageNameException.class)
                .hasMessageContaining("page name");
    }

    @Test
    void rejectsNamesLongerThan200Characters() {
        assertThat(PagePath.tryOf("a".repeat(200))).isPresent();
        assertThatThrownBy(() -> PagePath.of("a".repeat(201)))
                .isInstanceOf(InvalidPageNameException.class).hasMessageContaining("200");
    }

    @Test
    void normalisesToNfcSoThatOneNameHasOneSpelling() {
        String decomposed = "Re\u0301sume\u0301";
        assertThat(PagePath.of(decomposed)).isEqualTo(PagePath.of("Résumé"));
    }

    @Test
    void mapsToAndFromRepositoryFiles() {
        PagePath page = PagePath.of("Career-Day/Planning");
        assertThat(page.fileName()).isEqualTo("Career-Day/Planning.md");
        assertThat(PagePath.fromFileName("Career-Day/Planning.md")).contains(page);
        assertThat(PagePath.fromFileName("images/logo.png")).isEmpty();
        assertThat(PagePath.fromFileName(".md")).isEmpty();
        assertThat(page.displayName()).isEqualTo("Planning");
        assertThat(page.folder()).isEqualTo("Career-Day");
    }

    @Test
    void wikiLinkTextTurnsSpacesIntoHyphens() {
        assertThat(PagePath.fromLinkText(" Career Day  Network ")).contains(PagePath.of("Career-Day-Network"));
        assertThat(PagePath.fromLinkText("javascript:alert(1)")).isEmpty();
    }
}
