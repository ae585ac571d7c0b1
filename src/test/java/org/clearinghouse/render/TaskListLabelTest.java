package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.clearinghouse.page.PagePath;
import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** Task-list checkboxes carry their task as an accessible name (WCAG 4.1.2), and nothing else. */
class TaskListLabelTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(512 * 1024, Duration.ofSeconds(60));

    private static Elements checkboxes(String markdown) {
        String html = RENDERER.render(markdown, PagePath.of("Home"), page -> true).html();
        return Jsoup.parseBodyFragment(html).select("input");
    }

    @Test
    void eachCheckboxIsNamedByItsTask() {
        Elements boxes = checkboxes("- [ ] Confirm the **room** and table\n- [x] Order bookmarks\n  - nested\n");
        assertThat(boxes).extracting(b -> b.attr("aria-label"))
                .containsExactly("Confirm the room and table", "Order bookmarks");
        assertThat(boxes.get(1).hasAttr("checked")).isTrue();
        assertThat(boxes).allSatisfy(b -> assertThat(b.hasAttr("disabled")).isTrue());
    }

    @Test
    void aLooseListItemAndAnEmptyTaskAreNamedToo() {
        assertThat(checkboxes("- [ ] First\n\n- [ ] Second\n")).extracting(b -> b.attr("aria-label"))
                .containsExactly("First", "Second");
        assertThat(checkboxes("- [ ] \u00a0\n")).extracting(b -> b.attr("aria-label")).allMatch(l -> !l.isBlank());
    }

    @Test
    void aRawCheckboxCannotBringItsOwnLabelOrHandlers() {
        Elements boxes = checkboxes("<input type=\"checkbox\" aria-label=\"Click me\" onclick=\"x()\"> real text\n");
        assertThat(boxes).allSatisfy(b -> {
            assertThat(b.attr("aria-label")).isEqualTo("real text");
            assertThat(b.hasAttr("onclick")).isFalse();
        });
    }
}
