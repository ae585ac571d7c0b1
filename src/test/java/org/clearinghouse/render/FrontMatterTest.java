package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.clearinghouse.page.PageMetadata;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void splitsFrontMatterFromBody() {
        FrontMatter page = FrontMatter.split("---\ntitle: T\n---\n# Body\n");
        assertThat(page.yaml()).contains("title: T\n");
        assertThat(page.metadata().title()).contains("T");
        assertThat(page.body()).isEqualTo("# Body\n");
    }

    @Test
    void acceptsByteOrderMarkCrlfAndDotsClosing() {
        FrontMatter page = FrontMatter.split("\uFEFF---\r\ntitle: T\r\n...\r\nBody");
        assertThat(page.metadata().title()).contains("T");
        assertThat(page.body()).isEqualTo("Body");
    }

    @Test
    void withoutOpeningFenceTheWholeTextIsBody() {
        String text = "Intro\n---\ntitle: no\n---\n";
        FrontMatter page = FrontMatter.split(text);
        assertThat(page.yaml()).isEmpty();
        assertThat(page.metadata()).isEqualTo(PageMetadata.EMPTY);
        assertThat(page.body()).isEqualTo(text);
    }

    @Test
    void hugeFrontMatterIsHiddenButNotRead() {
        String yaml = "title: T\nsummary: " + "x".repeat(MetadataReader.MAX_CHARS) + "\n";
        FrontMatter page = FrontMatter.split("---\n" + yaml + "---\nBody");
        assertThat(page.metadata()).isEqualTo(PageMetadata.EMPTY);
        assertThat(page.body()).isEqualTo("Body");
    }

    @Test
    void theBodyAloneIsTheSplitsBodyWithoutReadingTheYaml() {
        for (String text : new String[] {"---\ntitle: T\n---\n# Body\n", "\uFEFF---\r\ntitle: T\r\n...\r\nBody",
            "Intro\n---\ntitle: no\n---\n", "---\nnever closed\n", "---\n: [unreadable\n---\nBody", ""}) {
            assertThat(FrontMatter.bodyOf(text)).as(text).isEqualTo(FrontMatter.split(text).body());
        }
    }
}
