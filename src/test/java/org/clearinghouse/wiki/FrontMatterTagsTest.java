package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clearinghouse.render.MarkdownRenderer;
import org.junit.jupiter.api.Test;

/** Tags read once per distinct front matter must be the tags the renderer reads from the whole page. */
class FrontMatterTagsTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void theKeyEndsAtTheClosingFenceSoBodyEditsShareIt() {
        String frontMatter = "---\ntags: [a]\n---\n";
        assertThat(FrontMatterTags.prefixEnd(bytes(frontMatter + "# Body\n\n---\n\nMore.\n")))
                .isEqualTo(frontMatter.length());
        assertThat(FrontMatterTags.prefixEnd(bytes("---\r\ntags: [a]\r\n...\r\nBody")))
                .isEqualTo("---\r\ntags: [a]\r\n...\r\n".length());
        assertThat(FrontMatterTags.prefixEnd(bytes("---\ntags: [a]\n"))).isEqualTo(-1);
        assertThat(FrontMatterTags.prefixEnd(bytes("---"))).isEqualTo(-1);
    }

    @Test
    void agreesWithTheRendererOnEveryShapeOfFrontMatter() {
        List<String> pages = List.of(
                "---\ntags: [a, b]\n---\n# Body\n",
                "---\ntags: [a, b]\n---\n# Another body\n---\ntags: [c]\n---\n",
                "---\r\ntags: x, y\r\n---\r\nBody\r\n",
                "---\ntags: [dots]\n...\nBody\n",
                "\uFEFF---\ntags: [bom]\n---\nBody\n",
                "\uFEFF\uFEFF---\ntags: [two-boms]\n---\nBody\n",
                // A looser fence closes the block first; the bare one later is in the body.
                "---\ntags: [loose]\n---  \t\ntags: [body]\n---\n",
                "---\ntags: [loose]\n---  \t\ntags: [other-body]\n---\n",
                // Lines that start like a fence but are not one are YAML, here a list's second item.
                "---\ntags: [a,\n---b]\n---\nBody",
                "---\ntags: [a,\n...c]\n---\nBody",
                "---\ntags: [never-closed]\n",
                "---\ntags: [never-closed]\n----\n",
                "Text first\n---\ntags: [not-front-matter]\n---\n",
                "Text first\n---\ntags: [still-not]\n---\n",
                "--- \ntags: [spaced-opening]\n---\nBody",
                "---\ntags: [café, 東京]\n---\nBody é",
                "---\nThe renderer's front matter can be prose.\n---\nBody",
                "---\ntags: [unclosed-list\n---\nBody",
                "---\n---\nEmpty front matter",
                "---\ntags: [no-newline-at-end]\n---",
                "");
        FrontMatterTags tags = new FrontMatterTags(renderer);
        for (int round = 0; round < 2; round++) { // the second round is answered from what the first remembered
            for (String page : pages) {
                assertThat(tags.of(bytes(page))).as(page).isEqualTo(renderer.metadata(PageText.decode(bytes(page))).tags());
            }
        }
        assertThat(tags.of(bytes("---\ntags: [loose]\n---  \t\ntags: [body]\n---\n"))).containsExactly("loose");
        assertThat(tags.of(bytes("---\ntags: [a,\n---b]\n---\nOther body"))).containsExactly("a", "---b");
        assertThat(tags.of(bytes("---\ntags: [café, 東京]\n---\nOther body"))).containsExactly("café", "東京");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
