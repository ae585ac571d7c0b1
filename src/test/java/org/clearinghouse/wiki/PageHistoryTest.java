package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.BlameLine;
import org.clearinghouse.page.ChangeKind;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.RevisionNotFoundException;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.search.ChangeQuery;
import org.clearinghouse.search.RevisionEntry;
import org.clearinghouse.search.RevisionIndex;
import org.clearinghouse.search.RevisionPage;
import org.clearinghouse.store.ContentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page history through the revision index: order, cursors, renames, catch-up, rebuild, restart. */
class PageHistoryTest {
    private static final Author ALICE = new Author("Alice Archivist", "alice@example.org");
    private static final Author BOB = new Author("Bob Bibliographer", "bob@example.org");
    private static final PagePath PLAN = PagePath.of("Plan");

    @TempDir
    Path dir;

    ContentStore store;
    Wiki wiki;
    String seed;

    @BeforeEach
    void open() throws IOException {
        Files.createDirectories(dir.resolve("seed"));
        Files.writeString(dir.resolve("seed/Plan.md"), "---\ntags: [careers]\n---\n# Plan\n\nStep one.\n");
        Files.writeString(dir.resolve("seed/Home.md"), "# Home\n");
        store = ContentStore.openOrSeed(dir.resolve("content.git"), dir.resolve("seed"));
        seed = store.head().orElseThrow();
        wiki = openWiki();
    }

    private Wiki openWiki() {
        return Wiki.open(store, new MarkdownRenderer(), WikiLimits.DEFAULT, Optional.of(dir.resolve("index")));
    }

    @AfterEach
    void close() {
        wiki.close();
    }

    @Test
    void historyIsNewestFirstAndPagesWithACursor() {
        List<String> saves = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            saves.add(save(PLAN, "# Plan\n\nStep " + i + ".\n", i % 2 == 0 ? BOB : ALICE, "Save " + i));
        }
        RevisionPage first = wiki.history(PLAN, 3, Optional.empty());
        assertThat(first.entries()).extracting(e -> e.revision().id())
                .containsExactly(saves.get(6), saves.get(5), saves.get(4));
        assertThat(first.entries().get(0).revision().message()).isEqualTo("Save 7");
        assertThat(first.entries().get(1).revision().author()).isEqualTo(BOB);
        assertThat(first.entries().get(0).parent()).contains(saves.get(5));
        assertThat(first.next()).contains(saves.get(4));

        RevisionPage second = wiki.history(PLAN, 3, first.next());
        assertThat(second.entries()).extracting(e -> e.revision().id())
                .containsExactly(saves.get(3), saves.get(2), saves.get(1));
        RevisionPage last = wiki.history(PLAN, 3, second.next());
        assertThat(last.entries()).extracting(e -> e.revision().id()).containsExactly(saves.get(0), seed);
        assertThat(last.entries().get(1).kind()).isEqualTo(ChangeKind.ADD);
        assertThat(last.next()).isEmpty();
        // An abbreviated cursor works too; malformed and unknown ones are told apart.
        assertThat(wiki.history(PLAN, 1, Optional.of(saves.get(1).substring(0, 8))).entries())
                .extracting(e -> e.revision().id()).containsExactly(saves.get(0));
        assertThatThrownBy(() -> wiki.history(PLAN, 3, Optional.of("HEAD~1"))).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> wiki.history(PLAN, 3, Optional.of("1".repeat(40))))
                .isInstanceOf(RevisionNotFoundException.class);
        assertThatThrownBy(() -> wiki.history(PagePath.of("Never"), 3, Optional.empty()))
                .isInstanceOf(PageNotFoundException.class);
    }

    @Test
    void historyFollowsRenamesAndTheOldNameKeepsItsOwn() {
        String edit = save(PLAN, "# Plan\n\nStep one.\nStep two.\n", ALICE, "Two steps");
        PagePath moved = PagePath.of("Kits/Plan");
        String rename = wiki.rename(PLAN, moved, "Move into the kits", BOB);
        String after = save(moved, "# Plan\n\nStep one.\nStep two.\nStep three.\n", ALICE, "Three steps");

        RevisionPage history = wiki.history(moved, 50, Optional.empty());
        assertThat(history.entries()).extracting(e -> e.revision().id()).containsExactly(after, rename, edit, seed);
        assertThat(history.entries()).extracting(RevisionEntry::path)
                .containsExactly("Kits/Plan", "Kits/Plan", "Plan", "Plan");
        RevisionEntry renamed = history.entries().get(1);
        assertThat(renamed.kind()).isEqualTo(ChangeKind.RENAME_TO);
        assertThat(renamed.otherPath()).contains("Plan");
        // Paging across the rename continues under the old name.
        RevisionPage tail = wiki.history(moved, 1, Optional.of(rename));
        assertThat(tail.entries()).extracting(e -> e.revision().id()).containsExactly(edit);
        assertThat(tail.next()).contains(edit);
        // The old name's own history ends with the rename away.
        assertThat(wiki.history(PLAN, 50, Optional.empty()).entries()).extracting(RevisionEntry::kind)
                .containsExactly(ChangeKind.RENAME_FROM, ChangeKind.MODIFY, ChangeKind.ADD);
        // Diffs and reverts read the old name at old revisions.
        PageDiff diff = wiki.diff(moved, Optional.of(seed), Optional.of(after));
        assertThat(diff.fromPath()).contains(PLAN);
        assertThat(diff.toPath()).contains(moved);
        assertThat(wiki.unifiedDiff(moved, Optional.of(seed), Optional.of(after)))
                .startsWith("diff --git a/Plan.md b/Kits/Plan.md\n").contains("+Step three.\n");
        SaveResult reverted = wiki.revert(moved, edit, null, BOB);
        assertThat(reverted.changed()).isTrue();
        assertThat(wiki.view(moved).markdown()).isEqualTo("# Plan\n\nStep one.\nStep two.\n");
        assertThat(store.revision(reverted.revision()).message()).isEqualTo("Revert Kits/Plan to " + edit.substring(0, 7));
        assertThat(wiki.history(moved, 50, Optional.empty()).entries()).hasSize(5);
    }

    @Test
    void catchesUpWithOutsideCommitsAndAfterARestartFromItsStamp() throws Exception {
        String outside = store.commit(store.head(), Map.of("Plan.md", Optional.of(bytes("# Plan\n\nPushed.\n"))),
                BOB, "Pushed from outside");
        wiki.refresh();
        assertThat(wiki.history(PLAN, 1, Optional.empty()).entries().get(0).revision().id()).isEqualTo(outside);

        wiki.close();
        try (RevisionIndex index = RevisionIndex.open(dir.resolve("index/revisions"))) {
            assertThat(index.indexedCommit()).contains(outside);
        }
        String whileDown = store.commit(store.head(), Map.of("Home.md", Optional.of(bytes("# Home\n\nNew.\n"))),
                ALICE, "While the wiki was down");
        wiki = openWiki();
        assertThat(wiki.history(PagePath.of("Home"), 50, Optional.empty()).entries())
                .extracting(e -> e.revision().id()).containsExactly(whileDown, seed);
        assertThat(wiki.history(PLAN, 50, Optional.empty()).entries())
                .extracting(e -> e.revision().id()).containsExactly(outside, seed);
        // An old revision's "last changed" comes from the index: the newest change at or before it.
        assertThat(wiki.viewAt(PLAN, whileDown).lastChange().id()).isEqualTo(outside);
        assertThat(wiki.viewAt(PLAN, outside.substring(0, 7)).lastChange().author()).isEqualTo(BOB);
        assertThat(wiki.viewAt(PagePath.of("Home"), outside).lastChange().id()).isEqualTo(seed);
    }

    @Test
    void aRebuildGivesTheSameHistory() {
        save(PLAN, "# Plan\n\nStep two.\n", ALICE, "Two");
        wiki.rename(PLAN, PagePath.of("Plan-B"), "", BOB);
        RevisionPage before = wiki.history(PagePath.of("Plan-B"), 50, Optional.empty());
        RevisionPage changesBefore = wiki.changes(new ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(), 50),
                Optional.empty());
        List<Integer> progress = new ArrayList<>();
        wiki.close(); // as the reindex command runs: with the wiki stopped
        wiki = Wiki.openRebuilding(store, new MarkdownRenderer(), dir.resolve("index"),
                java.util.EnumSet.of(Rebuild.HISTORY), (name, done) -> {
            if (name.equals("revisions")) {
                progress.add(done);
            }
        });
        assertThat(progress).containsExactly(1, 2, 3);
        assertThat(wiki.history(PagePath.of("Plan-B"), 50, Optional.empty())).isEqualTo(before);
        assertThat(wiki.changes(new ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(), 50),
                Optional.empty())).isEqualTo(changesBefore);
    }

    @Test
    void recentChangesFilterByAuthorPrefixAndTag() {
        save(PagePath.of("Kits/Career-Day"), "---\ntags: [Events]\n---\n# Career day\n", ALICE, "Kit");
        save(PLAN, "---\ntags: [careers, events]\n---\n# Plan\n\nStep two.\n", BOB, "Tag the plan");
        ChangeQuery all = new ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(), 50);
        assertThat(wiki.changes(all, Optional.empty()).entries()).extracting(RevisionEntry::path)
                .containsExactly("Plan", "Kits/Career-Day", "Home", "Plan");
        assertThat(wiki.changes(new ChangeQuery(Optional.of("BOB@example.org"), Optional.empty(), Optional.empty(), 50),
                Optional.empty()).entries()).extracting(RevisionEntry::path).containsExactly("Plan");
        assertThat(wiki.changes(new ChangeQuery(Optional.of("alice archivist"), Optional.empty(), Optional.empty(), 50),
                Optional.empty()).entries()).extracting(RevisionEntry::path).containsExactly("Kits/Career-Day");
        assertThat(wiki.changes(new ChangeQuery(Optional.empty(), Optional.of("Kits/"), Optional.empty(), 50),
                Optional.empty()).entries()).extracting(RevisionEntry::path).containsExactly("Kits/Career-Day");
        assertThat(wiki.changes(new ChangeQuery(Optional.empty(), Optional.empty(), Optional.of("events"), 50),
                Optional.empty()).entries()).extracting(RevisionEntry::path).containsExactly("Plan", "Kits/Career-Day");
        assertThat(wiki.changes(new ChangeQuery(Optional.empty(), Optional.empty(), Optional.of("careers"), 50),
                Optional.empty()).entries()).extracting(e -> e.revision().id()).hasSize(2);
        // A page of two that would split the seed commit (Home and Plan) ends before it.
        RevisionPage paged = wiki.changes(new ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(), 3),
                Optional.empty());
        assertThat(paged.entries()).extracting(RevisionEntry::path).containsExactly("Plan", "Kits/Career-Day");
        assertThat(wiki.changes(new ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(), 3), paged.next())
                .entries()).extracting(RevisionEntry::path).containsExactly("Home", "Plan");
    }

    @Test
    void diffsMarkChangedWordsAndShowFrontMatter() {
        String before = wiki.snapshot().commitId();
        String after = save(PLAN, "---\ntags: [careers, outreach]\n---\n# Plan\n\nStep one, revised.\n\nNew step.\n",
                ALICE, "Revise");
        PageDiff diff = wiki.diff(PLAN, Optional.of(before), Optional.of(after));
        assertThat(diff.identical()).isFalse();
        assertThat(diff.from().orElseThrow().id()).isEqualTo(before);
        PageDiff.Row tags = diff.sideBySide().stream().filter(r -> r.type() == PageDiff.Type.CHANGE).findFirst()
                .orElseThrow();
        assertThat(tags.oldNumber()).isEqualTo(2);
        assertThat(tags.newSegments()).contains(new PageDiff.Segment("tags: [careers", false),
                new PageDiff.Segment(", outreach", true));
        assertThat(diff.inline()).extracting(PageDiff.Line::type).contains(PageDiff.Type.INSERT, PageDiff.Type.DELETE);
        // Without "from", the diff is against the page's previous revision.
        assertThat(wiki.diff(PLAN, Optional.empty(), Optional.of(after)).from().orElseThrow().id()).isEqualTo(seed);
        assertThat(wiki.diff(PLAN, Optional.empty(), Optional.of(seed)).from()).isEmpty();
    }

    @Test
    void blameNamesTheRevisionOfEachLine() {
        String second = save(PLAN, "---\ntags: [careers]\n---\n# Plan\n\nStep one.\nStep two.\n", BOB, "Two");
        List<BlameLine> lines = wiki.blame(PLAN, Optional.empty());
        assertThat(lines).hasSize(7);
        assertThat(lines.get(5).revision().id()).isEqualTo(seed);
        assertThat(lines.get(6).revision().id()).isEqualTo(second);
        assertThat(lines.get(6).revision().author()).isEqualTo(BOB);
        assertThat(wiki.blame(PLAN, Optional.of(seed))).hasSize(6);
    }

    private String save(PagePath path, String text, Author author, String message) {
        return wiki.save(path, text, message, Optional.empty(), author).revision();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
