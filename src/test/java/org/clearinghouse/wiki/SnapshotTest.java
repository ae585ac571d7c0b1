package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.Revision;
import org.clearinghouse.render.MarkdownRenderer;
import org.junit.jupiter.api.Test;

/** The link graph and tags of a snapshot, whichever way its pages were handed over. */
class SnapshotTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final Revision REVISION = new Revision("a".repeat(40), new Author("A", "a@example.org"),
            OffsetDateTime.parse("2026-01-01T00:00:00Z"), "m");

    private static PageEntry page(String name, String markdown) {
        PagePath path = PagePath.of(name);
        return new PageEntry(path, "b".repeat(40), RENDERER.outline(markdown, path), REVISION);
    }

    private static Map<PagePath, PageEntry> pages() {
        Map<PagePath, PageEntry> pages = new HashMap<>();
        for (PageEntry entry : new PageEntry[] {
                page("Zeta", "---\ntags: [Intro, intro, howto]\n---\n[[Target]] and [[Target]] again, [[Zeta]]."),
                page("alpha", "---\ntags: [intro]\n---\nSee [[Target]]."),
                page("Beta", "See [[Target]] and [[Other]]."),
                page("Target", "Back to [[Beta]] and to [[Target]] itself.")}) {
            pages.put(entry.path(), entry);
        }
        return pages;
    }

    @Test
    void backlinksAreSortedOnceEachAndNeverTheSamePage() {
        Snapshot snapshot = new Snapshot("c".repeat(40), pages(), Map.of());
        assertThat(snapshot.backlinks(PagePath.of("Target")).stream().map(p -> p.path().toString()))
                .containsExactly("alpha", "Beta", "Zeta");
        assertThat(snapshot.backlinks(PagePath.of("Beta")).stream().map(p -> p.path().toString()))
                .containsExactly("Target");
        assertThat(snapshot.backlinks(PagePath.of("Zeta"))).isEmpty();
        assertThat(snapshot.backlinks(PagePath.of("Nowhere"))).isEmpty();
    }

    @Test
    void tagsIgnoreCaseAndListEachPageOnce() {
        Snapshot snapshot = new Snapshot("c".repeat(40), pages(), Map.of());
        assertThat(snapshot.tagged("INTRO").stream().map(p -> p.path().toString())).containsExactly("alpha", "Zeta");
        assertThat(snapshot.tagCounts()).containsEntry("intro", 2).containsEntry("howto", 1).hasSize(2);
    }

    @Test
    void aSortedMapOfPagesGivesTheSameSnapshot() {
        Snapshot fromHash = new Snapshot("c".repeat(40), pages(), Map.of());
        Snapshot fromSorted = new Snapshot("c".repeat(40), new TreeMap<>(pages()), Map.of());
        assertThat(fromSorted.pages()).containsExactlyElementsOf(fromHash.pages());
        assertThat(fromSorted.backlinks(PagePath.of("Target"))).isEqualTo(fromHash.backlinks(PagePath.of("Target")));
        assertThat(fromSorted.tagCounts()).isEqualTo(fromHash.tagCounts());
    }

    @Test
    void advancingGivesTheSnapshotAFreshBuildWouldGive() {
        Snapshot before = new Snapshot("c".repeat(40), pages(), Map.of("Zeta/a.pdf", "d".repeat(40)));
        Map<PagePath, Optional<PageEntry>> changes = new HashMap<>();
        changes.put(PagePath.of("alpha"), Optional.empty()); // deleted: leaves Target's backlinks and the intro tag
        changes.put(PagePath.of("Beta"), Optional.of(page("Beta", "---\ntags: [INTRO]\n---\nNow only [[Zeta]].")));
        changes.put(PagePath.of("Aardvark"), Optional.of(page("Aardvark", "---\ntags: [Howto]\n---\n[[Target]]")));
        Snapshot advanced = before.advanced("e".repeat(40), changes,
                Map.of("Zeta/a.pdf", Optional.empty(), "Beta/b.pdf", Optional.of("f".repeat(40))));

        Map<PagePath, PageEntry> after = pages();
        after.remove(PagePath.of("alpha"));
        changes.values().forEach(entry -> entry.ifPresent(e -> after.put(e.path(), e)));
        Snapshot built = new Snapshot("e".repeat(40), after, Map.of("Beta/b.pdf", "f".repeat(40)));

        assertThat(advanced.pages()).containsExactlyElementsOf(built.pages());
        for (PageEntry page : built.pages()) {
            assertThat(advanced.backlinks(page.path())).as("backlinks of %s", page.path())
                    .isEqualTo(built.backlinks(page.path()));
        }
        assertThat(advanced.backlinks(PagePath.of("Target")).stream().map(p -> p.path().toString()))
                .containsExactly("Aardvark", "Zeta");
        // The same keys, spelled alike: a tag is spelled as the first page carrying it spells it.
        assertThat(List.copyOf(advanced.tagCounts().entrySet())).isEqualTo(List.copyOf(built.tagCounts().entrySet()));
        assertThat(advanced.tagCounts()).containsExactly(Map.entry("Howto", 2), Map.entry("INTRO", 2));
        assertThat(advanced.tagged("intro")).isEqualTo(built.tagged("intro"));
        assertThat(advanced.attachment("Zeta/a.pdf")).isEmpty();
        assertThat(advanced.attachment("Beta/b.pdf")).contains("f".repeat(40));
        assertThat(before.backlinks(PagePath.of("Target"))).hasSize(3); // the old snapshot is untouched
        assertThat(before.tagCounts()).containsEntry("intro", 2);
    }
}
