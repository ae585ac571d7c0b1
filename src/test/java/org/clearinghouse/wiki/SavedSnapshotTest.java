package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.search.SearchRequest;
import org.clearinghouse.search.SearchResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart reads the head snapshot the last run saved instead of every page, and what it reads
 * is exactly what reading every page gives: after a clean stop, after commits made while the
 * wiki was stopped, and when the file is damaged.
 */
class SavedSnapshotTest {
    private static final Author ALICE = new Author("Alice Archivist", "alice@example.org");
    private static final Author BOB = new Author("Bob Bibliographer", "bob@example.org");

    @TempDir
    Path dir;

    ContentStore store;
    Wiki wiki;

    @BeforeEach
    void open() throws IOException {
        Files.createDirectories(dir.resolve("seed/Career-Day"));
        Files.writeString(dir.resolve("seed/Home.md"), "# Home\n\nSee [[Career-Day/Planning]] and [[Missing]].\n");
        Files.writeString(dir.resolve("seed/Career-Day/Planning.md"),
                "---\ntitle: Planning a career day\ntags: [careers, outreach]\naudience: [school]\ntype: toolkit\n---\n"
                        + "Back to [[Home]].\n");
        Files.write(dir.resolve("seed/flyer.pdf"), new byte[] {1, 2, 3});
        store = ContentStore.openOrSeed(dir.resolve("content.git"), dir.resolve("seed"));
        wiki = openWiki();
    }

    @AfterEach
    void close() {
        if (wiki != null) {
            wiki.close();
        }
    }

    @Test
    void aRestartReadsTheSavedSnapshotAndItIsWhatReadingEveryPageGives() {
        wiki.save(PagePath.of("Home"), "# Home\n\nNow [[Diversity]] too.\n", "Link diversity", Optional.empty(), ALICE);
        wiki.save(PagePath.of("Diversity"), "---\ntags: [diversity]\n---\n# Recruiting for diversity\n",
                "New page", Optional.empty(), BOB);
        wiki.rename(PagePath.of("Career-Day/Planning"), PagePath.of("Career-Day/Plan"), "Shorter", ALICE);
        restart();

        assertThat(Files.exists(snapshotFile())).isTrue();
        assertSameAsReadingEveryPage();
        assertThat(wiki.snapshot().page(PagePath.of("Career-Day/Plan")).orElseThrow().lastChange().message())
                .isEqualTo("Shorter");
        assertThat(wiki.backlinks(PagePath.of("Diversity"))).extracting(PageEntry::path)
                .containsExactly(PagePath.of("Home"));
    }

    @Test
    void commitsMadeWhileTheWikiWasStoppedAreReadOnTheNextStart() throws Exception {
        wiki.close();
        wiki = null;
        String outside = store.commit(store.head(), Map.of(
                "Home.md", Optional.of(bytes("# Home\n\nPushed while stopped: [[Pushed]].\n")),
                "Pushed.md", Optional.of(bytes("---\ntags: [pushed]\n---\n# Pushed\n"))), BOB, "Pushed from outside");
        wiki = openWiki();

        assertThat(wiki.snapshot().commitId()).isEqualTo(outside);
        assertThat(wiki.view(PagePath.of("Home")).html().orElseThrow()).contains("Pushed while stopped");
        assertThat(wiki.snapshot().page(PagePath.of("Pushed")).orElseThrow().lastChange().id()).isEqualTo(outside);
        assertSameAsReadingEveryPage();
    }

    @Test
    void aDamagedFileIsIgnoredAndWrittenAgain() throws IOException {
        wiki.save(PagePath.of("Home"), "# Home\n\nSaved before the damage.\n", "Edit", Optional.empty(), ALICE);
        wiki.close();
        wiki = null;
        byte[] saved = Files.readAllBytes(snapshotFile());
        saved[saved.length / 2] ^= 0x5a;
        Files.write(snapshotFile(), saved);

        wiki = openWiki();
        assertSameAsReadingEveryPage();
        assertThat(wiki.view(PagePath.of("Home")).html().orElseThrow()).contains("Saved before the damage");
        assertThat(SnapshotFile.read(snapshotFile())).isPresent();
    }

    @Test
    void aTruncatedOrLengthenedFileIsRefused() throws IOException {
        wiki.close();
        wiki = null;
        byte[] saved = Files.readAllBytes(snapshotFile());
        assertThat(SnapshotFile.read(snapshotFile())).isPresent();
        for (byte[] damaged : List.of(Arrays.copyOf(saved, saved.length / 2), Arrays.copyOf(saved, 3),
                Arrays.copyOf(saved, saved.length + 1), new byte[0])) {
            Files.write(snapshotFile(), damaged);
            assertThat(SnapshotFile.read(snapshotFile())).as("%d of %d bytes", damaged.length, saved.length).isEmpty();
        }
    }

    @Test
    void reindexReadsEveryPageAgain() {
        SearchResults before = wiki.search(SearchRequest.of("career", 10));
        java.util.Set<String> progressOf = new java.util.HashSet<>();
        reindex(java.util.EnumSet.allOf(Rebuild.class), (index, done) -> progressOf.add(index));
        assertSameAsReadingEveryPage();
        assertThat(SnapshotFile.read(snapshotFile()).orElseThrow().commitId()).isEqualTo(store.head().orElseThrow());
        // The pages parsed for the snapshot feed the search index: the same hits as before.
        assertThat(wiki.search(SearchRequest.of("career", 10)).hits()).isNotEmpty().isEqualTo(before.hits());
        assertThat(progressOf).containsExactlyInAnyOrder("search", "revisions");
    }

    @Test
    void reindexOfSearchAloneLeavesTheRevisionIndexAlone() {
        SearchResults before = wiki.search(SearchRequest.of("career", 10));
        java.util.Set<String> progressOf = new java.util.HashSet<>();
        reindex(java.util.EnumSet.of(Rebuild.SEARCH), (index, done) -> progressOf.add(index));
        assertThat(progressOf).containsExactly("search");
        assertSameAsReadingEveryPage();
        assertThat(wiki.search(SearchRequest.of("career", 10)).hits()).isNotEmpty().isEqualTo(before.hits());
    }

    private void assertSameAsReadingEveryPage() {
        Snapshot fresh = new SnapshotBuilder(store, new MarkdownRenderer()).build(store.head().orElseThrow());
        Snapshot current = wiki.snapshot();
        assertThat(current.commitId()).isEqualTo(fresh.commitId());
        assertThat(List.copyOf(current.pages())).isEqualTo(List.copyOf(fresh.pages()));
        assertThat(current.attachmentMap()).isEqualTo(fresh.attachmentMap());
        for (PageEntry page : fresh.pages()) {
            assertThat(current.backlinks(page.path())).isEqualTo(fresh.backlinks(page.path()));
        }
    }

    private void restart() {
        wiki.close();
        wiki = openWiki();
    }

    /** What the reindex command does: the wiki stopped, then opened rebuilding the {@code chosen} data. */
    private void reindex(java.util.Set<Rebuild> chosen, java.util.function.BiConsumer<String, Integer> progress) {
        wiki.close();
        wiki = Wiki.openRebuilding(store, new MarkdownRenderer(), dir.resolve("index"), chosen, progress);
    }

    private Wiki openWiki() {
        return Wiki.open(store, new MarkdownRenderer(), WikiLimits.DEFAULT, Optional.of(dir.resolve("index")));
    }

    private Path snapshotFile() {
        return dir.resolve("index/snapshot.bin");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
