package org.clearinghouse.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.EditConflictException;
import org.clearinghouse.page.InvalidFrontMatterException;
import org.clearinghouse.page.PageExistsException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.PageTooLargeException;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, merging, renaming and deleting through the wiki, against a real repository. */
class PageEditorTest {
    private static final Author ALICE = new Author("Alice Archivist", "alice@example.org");
    private static final Author BOB = new Author("Bob Bibliographer", "bob@example.org");
    private static final PagePath PLAN = PagePath.of("Plan");
    private static final String TEXT = "# Plan\n\nFirst step.\n\nSecond step.\n\nThird step.\n";

    @TempDir
    Path dir;

    Wiki wiki;
    ContentStore store;

    @BeforeEach
    void open() throws IOException {
        Files.createDirectories(dir.resolve("seed"));
        Files.writeString(dir.resolve("seed/Plan.md"), TEXT);
        Files.writeString(dir.resolve("seed/Home.md"), "See [[New Page]].\n");
        store = ContentStore.openOrSeed(dir.resolve("content.git"), dir.resolve("seed"));
        wiki = Wiki.open(store, new MarkdownRenderer(), new WikiLimits(10_000, 1000));
    }

    @AfterEach
    void close() {
        wiki.close();
    }

    @Test
    void aSaveIsOneCommitByTheEditorAndEveryViewShowsItAtOnce() {
        String base = wiki.snapshot().commitId();
        SaveResult result = wiki.save(PagePath.of("New-Page"), "# New Page\n\nHello.\n", "", Optional.of(base), ALICE);
        assertThat(result.created()).isTrue();
        assertThat(result.changed()).isTrue();
        assertThat(store.head()).contains(result.revision());
        assertThat(store.revision(result.revision()).author()).isEqualTo(ALICE);
        assertThat(store.revision(result.revision()).message()).isEqualTo("Update New-Page");
        assertThat(wiki.snapshot().commitId()).isEqualTo(result.revision());
        assertThat(wiki.view(PagePath.of("New-Page")).title()).isEqualTo("New Page");
        assertThat(wiki.view(PagePath.of("Home")).html().orElseThrow()).doesNotContain("missing");
        assertThat(wiki.backlinks(PagePath.of("New-Page"))).extracting(e -> e.path().toString()).containsExactly("Home");
    }

    @Test
    void savingUnchangedTextMakesNoCommit() {
        String head = wiki.snapshot().commitId();
        SaveResult result = wiki.save(PLAN, TEXT.replace("\n", "\r\n"), "no-op", Optional.of(head), ALICE);
        assertThat(result.changed()).isFalse();
        assertThat(store.head()).contains(head);
    }

    @Test
    void aStaleSaveOfAnotherPartIsMergedAndKeepsBothEdits() {
        String base = wiki.snapshot().commitId();
        wiki.save(PLAN, TEXT.replace("First step.", "First step, by Bob."), "Bob", Optional.of(base), BOB);
        SaveResult alice = wiki.save(PLAN, TEXT.replace("Third step.", "Third step, by Alice."), "Alice",
                Optional.of(base), ALICE);
        assertThat(alice.merged()).isTrue();
        String text = wiki.view(PLAN).markdown();
        assertThat(text).contains("First step, by Bob.").contains("Third step, by Alice.");
        assertThat(store.revision(alice.revision()).author()).isEqualTo(ALICE);
    }

    @Test
    void anOverlappingStaleSaveIsAConflictThatWritesNothing() {
        String base = wiki.snapshot().commitId();
        SaveResult bob = wiki.save(PLAN, TEXT.replace("Second step.", "Bob's second."), "", Optional.of(base), BOB);
        String alicesText = TEXT.replace("Second step.", "Alice's second.");
        assertThatThrownBy(() -> wiki.save(PLAN, alicesText, "", Optional.of(base), ALICE))
                .isInstanceOfSatisfying(EditConflictException.class, conflict -> {
                    assertThat(conflict.yours()).isEqualTo(alicesText);
                    assertThat(conflict.theirs()).contains("Bob's second.");
                    assertThat(conflict.merged()).contains("<<<<<<<").contains("Alice's second.").contains("Bob's second.");
                    assertThat(conflict.currentRevision()).isEqualTo(bob.revision());
                });
        assertThat(store.head()).contains(bob.revision());
        assertThat(wiki.save(PLAN, alicesText, "resolved", Optional.of(bob.revision()), ALICE).changed()).isTrue();
    }

    @Test
    void limitsAreCheckedBeforeAnythingIsWritten() {
        String head = wiki.snapshot().commitId();
        assertThatThrownBy(() -> wiki.save(PLAN, "x".repeat(10_001), "", Optional.of(head), ALICE))
                .isInstanceOf(PageTooLargeException.class);
        assertThatThrownBy(() -> wiki.save(PLAN, "---\ntitle: [unclosed\n---\nText\n", "", Optional.of(head), ALICE))
                .isInstanceOf(InvalidFrontMatterException.class);
        assertThatThrownBy(() -> wiki.save(PLAN, "---\ntags: {a: 1}\n---\nText\n", "", Optional.of(head), ALICE))
                .isInstanceOf(InvalidFrontMatterException.class).hasMessageContaining("tags");
        assertThat(store.head()).contains(head);
    }

    @Test
    void renameKeepsTheTextAndRefusesToOverwrite() {
        String commit = wiki.rename(PLAN, PagePath.of("Guides/Plan"), "", ALICE);
        assertThat(wiki.snapshot().page(PLAN)).isEmpty();
        assertThat(wiki.view(PagePath.of("Guides/Plan")).markdown()).isEqualTo(TEXT);
        assertThat(store.revision(commit).message()).isEqualTo("Rename Plan to Guides/Plan");
        assertThatThrownBy(() -> wiki.rename(PagePath.of("Guides/Plan"), PagePath.of("Home"), "", ALICE))
                .isInstanceOf(PageExistsException.class);
    }

    @Test
    void deleteRemovesThePageAndTurnsLinksRed() {
        wiki.save(PagePath.of("New-Page"), "new\n", "", Optional.empty(), ALICE);
        assertThat(wiki.view(PagePath.of("Home")).html().orElseThrow()).doesNotContain("missing");
        wiki.delete(PagePath.of("New-Page"), "gone", ALICE);
        assertThat(wiki.snapshot().page(PagePath.of("New-Page"))).isEmpty();
        assertThat(wiki.view(PagePath.of("Home")).html().orElseThrow()).contains("missing");
    }

    @Test
    void filesAreStoredBesideThePagesWithinTheLimit() {
        wiki.putFile("Plan/handout.pdf", new byte[] {1, 2, 3}, "", ALICE);
        assertThat(wiki.attachmentsOf(PLAN)).containsExactly("Plan/handout.pdf");
        assertThat(wiki.attachment("Plan/handout.pdf", Optional.empty()).bytes()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> wiki.putFile("Plan/big.pdf", new byte[1001], "", ALICE))
                .isInstanceOf(PageTooLargeException.class);
        assertThatThrownBy(() -> wiki.putFile("Plan/page.md", new byte[1], "", ALICE))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> wiki.putFile("Plan.md/x.pdf", new byte[1], "", ALICE))
                .isInstanceOf(BadRequestException.class);
    }
}
