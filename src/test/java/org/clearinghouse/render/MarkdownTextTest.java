package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The search index reads pages through {@link MarkdownText}, not Flexmark: it must find the words
 * Flexmark's plain text holds, in the same order, on the pages the wiki is made of, and differ
 * only where it means to (table cells apart, autolinks kept). Hostile text must cost one pass.
 */
class MarkdownTextTest {

    private static final FlexmarkMarkdown FLEXMARK = new FlexmarkMarkdown();
    private static final long MINUTE = 60_000_000_000L;

    /** The samples of {@code PlainTextCollectorTest} that hold no table, autolink or code entity. */
    private static final List<String> SAMPLES = List.of(
            "# Title\n\nA paragraph with *emphasis*, **strong**, `code` and ~~struck~~ text.\n",
            "Entities &amp; &copy; &#64; &#x41; &bogus; and escapes \\* \\_ \\[ \\\\ and a trailing \\\n",
            "Soft\nline breaks\r\nand CRLF and hard  \nbreaks and backslash\\\nbreaks.\n",
            "[link text](https://x.org \"title\") and ![alt *text*](pic.png) and a (parenthesis).\n",
            "[ref][r] and [r] and [missing][nope] and ![img][r]\n\n[r]: https://ref.org \"T\"\n",
            "[[Wiki Page]] and [[Page|label **bold**]] and [[#Section]] and [[../bad]] and [[]]\n",
            "- one\n- two\n  - nested *x*\n\n1. first\n2. second\n\n- [ ] open task\n- [x] done task\n",
            "> quote line\n> > nested quote\n>\n> after blank\n\nafter quote\n",
            "```java\nint a = 1; // code\n```\n\n~~~\ntilde fence\n~~~\n\n    indented code\n",
            "Setext\n======\n\nSub\n---\n\n## ATX ##\n\n###### six `code` [l](x)\n\n#\n",
            "Footnote[^1] and again[^note].\n\n[^1]: First *note*.\n[^note]: Second\n    continued.\n",
            "<div>\nhtml *block*\n</div>\n\ninline <span>html</span> <!-- comment --> end\n",
            "<script>\nvar hidden = 1;\n\nstill hidden();\n</script>\nafter script\n",
            "***\n\nthematic\n\n---\n\n___\n",
            "Text with https://auto.link/path?q=1 and www.example.org and snake_case and __init__.\n",
            "   \n\n  leading spaces\n\n\n\ntrailing blank lines\n\n\n",
            "Before the list\n2024. was a year\n\n1. one\n2. two\n3) three\n");

    @Test
    void theBundledPagesGiveFlexmarksWords() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            pages = files.filter(file -> file.toString().endsWith(".md")).toList();
        }
        assertThat(pages).hasSizeGreaterThan(15);
        for (Path page : pages) {
            String body = FrontMatter.bodyOf(Files.readString(page));
            List<String> expected = words(flexmarkText(body));
            List<String> read = words(MarkdownText.read(body).text());
            if (body.contains("|")) {
                // Flexmark runs a table's cells together ("Method" and "Details" make "methoddetails").
                assertThat(String.join("", read)).as(page.toString()).isEqualTo(String.join("", expected));
            } else {
                assertThat(read).as(page.toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void commonMarkdownGivesFlexmarksWords() {
        for (String sample : SAMPLES) {
            assertThat(words(MarkdownText.read(sample).text())).as(sample).isEqualTo(words(flexmarkText(sample)));
        }
    }

    @Test
    void headingsAreReadWithoutTheirMarkup() {
        SearchableText text = MarkdownText.read("# Heading *one* [link](x.org)\n\nSetext\n===\n\n## Closed ##\n\n"
                + "- ### In a list\n\n#\n\n#hashtag is text\n");
        assertThat(text.headings()).containsExactly("Heading one link", "Setext", "Closed", "In a list");
        assertThat(text.text()).contains("Heading one link\n", "#hashtag is text");
    }

    @Test
    void tableCellsStayApartAndAutolinksKeepTheirAddress() {
        assertThat(MarkdownText.read("| Method | Details |\n|:--|--:|\n| phone | `1-800` \\| fax |\n").text())
                .isEqualTo("Method Details\nphone 1-800 | fax\n");
        assertThat(MarkdownText.read("Write to <mailto:team@example.org> or <https://example.org/join>.\n").text())
                .isEqualTo("Write to mailto:team@example.org or https://example.org/join.\n");
    }

    @Test
    void addressesMarkupAndHiddenBlocksAreLeftOut() {
        String page = "---\ntitle: Secretfront\n---\n"
                + "[shown](https://secretlink.org) ![shown too](secretimage.png) <b class=\"secretclass\">bold</b>\n\n"
                + "<div class=\"x\">\nsecretblock\n</div>\n\n<!--\nsecretcomment\n-->\n\n[r]: https://secretref.org\n";
        String text = new MarkdownRenderer().searchText(page).text();
        assertThat(text).doesNotContainIgnoringCase("secret").contains("shown", "shown too", "bold");
    }

    @Test
    void aHugePageKeepsItsFirstQuarterMegabyte() {
        String text = MarkdownText.read("word ".repeat(200_000)).text();
        assertThat(text).hasSize(MarkdownText.MAX_TEXT_CHARS).startsWith("word word");
    }

    /** Quadratic work would take minutes on these; one pass takes milliseconds. The timeout only stops a hang. */
    @Test
    @Timeout(30)
    void hostileTextIsReadInOnePass() {
        int n = 300_000;
        List<String> hostile = List.of("[".repeat(n), "[a](".repeat(n / 4), "(".repeat(n) + "[x]", "`".repeat(n),
                "` `` ```".repeat(n / 8), "<".repeat(n), "<a".repeat(n / 2), "![".repeat(n / 2), "> ".repeat(n / 2),
                "*_~".repeat(n / 3), "&#".repeat(n / 2), "[[".repeat(n / 2), "- ".repeat(n / 2) + "\n",
                "| a ".repeat(n / 4) + "\n|---|\n" + "|".repeat(n), "\\".repeat(n), "\n".repeat(n),
                "```\n".repeat(n / 4), "<div>\n\n".repeat(n / 7));
        for (String text : hostile) {
            assertThat(MarkdownText.read(text).text().length()).isLessThanOrEqualTo(MarkdownText.MAX_TEXT_CHARS);
        }
    }

    @Test
    void anyTextIsRead() {
        String[] pieces = {"a", "word ", " ", "\n", "\n\n", "\r\n", "  \n", "\\\n", "*", "**", "_", "`", "```\n",
            "~~", "[", "]", "(", ")", "[[", "]]", "|", "|---|", "- ", "1. ", "> ", "# ", "---\n", "    ", "\t",
            "&amp;", "&#64;", "&", ";", "\\", "<b>", "</b>", "<div>\n", "<", ">", "[^1]", "[^1]: ", "[r]: x\n", "![",
            "<https://x.org>", "a@b.org", "- [ ] ", "===\n", ":", "\u0000", "\uD83D\uDE00", "|"};
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            StringBuilder markdown = new StringBuilder();
            for (int j = 1 + random.nextInt(80); j > 0; j--) {
                markdown.append(pieces[random.nextInt(pieces.length)]);
            }
            SearchableText text = MarkdownText.read(markdown.toString());
            assertThat(text.text().length()).isLessThanOrEqualTo(2 * markdown.length() + 1);
        }
    }

    private static String flexmarkText(String body) {
        return PlainTextCollector.text(FLEXMARK.parse(body, Deadline.in(MINUTE)), Deadline.in(MINUTE));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
