package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.MarkdownRenderer;
import org.junit.jupiter.api.Test;

/**
 * The index of pages by key built in one go is the one a sorted map fed page by page gives: the
 * same keys, spelt as the first page carrying them spells them, and the same sorted lists.
 */
class PagesByKeyTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final Revision REVISION = new Revision("a".repeat(40), new Author("A", "a@example.org"),
            OffsetDateTime.parse("2026-01-01T00:00:00Z"), "m");
    private static final String[] TAGS = {"Intro", "intro", "INTRO", "howto", "HowTo", "diversity", "Career-day",
        "career-DAY", "school"};
    private static final String[] NAMES = {"Alpha", "alpha", "Beta", "Career-Day", "career-day", "Zeta", "Toolkit",
        "Toolkit/Flyers", "toolkit/flyers", "Town-Hall"};

    @Test
    void buildsWhatASortedMapFedPageByPageBuilds() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            TreeMap<PagePath, PageEntry> pages = new TreeMap<>();
            for (int i = 0; i < 60; i++) {
                String name = NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? "" : "-" + random.nextInt(8));
                StringBuilder markdown = new StringBuilder("---\ntags: [");
                for (int t = random.nextInt(4); t > 0; t--) {
                    markdown.append(TAGS[random.nextInt(TAGS.length)]).append(t > 1 ? ", " : "");
                }
                markdown.append("]\n---\n");
                for (int l = random.nextInt(6); l > 0; l--) {
                    markdown.append("See [[").append(NAMES[random.nextInt(NAMES.length)]).append("]]. ");
                }
                PagePath path = PagePath.of(name);
                pages.put(path, new PageEntry(path, "b".repeat(40), RENDERER.outline(markdown.toString(), path),
                        REVISION));
            }
            Function<PageEntry, Collection<String>> tags = page -> page.metadata().tags();
            Function<PageEntry, Collection<PagePath>> links = page -> page.outline().links();
            assertThat(List.copyOf(PagesByKey.of(pages.values(), String.CASE_INSENSITIVE_ORDER, tags).asMap()
                    .entrySet())).isEqualTo(List.copyOf(fedOneByOne(pages.values(), String.CASE_INSENSITIVE_ORDER,
                    tags).entrySet()));
            assertThat(List.copyOf(PagesByKey.of(pages.values(), Comparator.<PagePath>naturalOrder(), links).asMap()
                    .entrySet())).isEqualTo(List.copyOf(fedOneByOne(pages.values(), Comparator.naturalOrder(),
                    links).entrySet()));
        }
    }

    /** The plain way: every (key, page) pair put into a sorted map in page order. */
    private static <K> SortedMap<K, List<PagePath>> fedOneByOne(Collection<PageEntry> pages,
            Comparator<? super K> order, Function<PageEntry, Collection<K>> keysOf) {
        SortedMap<K, List<PagePath>> lists = new TreeMap<>(order);
        for (PageEntry page : pages) {
            for (K key : keysOf.apply(page)) {
                List<PagePath> paths = lists.computeIfAbsent(key, k -> new ArrayList<>());
                if (!paths.contains(page.path())) {
                    paths.add(page.path());
                }
            }
        }
        return lists;
    }
}
