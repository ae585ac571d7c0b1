package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.ChangeKind;
import org.clearinghouse.page.Revision;
import org.clearinghouse.page.RevisionNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revision index on its own: order, cursors, rename chains, filters, stamps. */
class RevisionIndexTest {
    private static final OffsetDateTime NOON = OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));

    @TempDir
    Path dir;

    RevisionIndex index;
    int commits;

    @BeforeEach
    void open() {
        index = RevisionIndex.open(dir.resolve("revisions"), Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void followsAChainOfRenamesAndKeepsTheAuthorsOffset() {
        String add = append(change("A", ChangeKind.ADD, null));
        String editA = append(change("A", ChangeKind.MODIFY, null));
        String toB = append(change("A", ChangeKind.RENAME_FROM, "B"), change("B", ChangeKind.RENAME_TO, "A"));
        String recreateA = append(change("A", ChangeKind.ADD, null));
        String toC = append(change("B", ChangeKind.RENAME_FROM, "C"), change("C", ChangeKind.RENAME_TO, "B"));
        String editC = append(change("C", ChangeKind.MODIFY, null));

        RevisionPage history = index.history("C", 50, Optional.empty());
        assertThat(history.entries()).extracting(e -> e.revision().id()).containsExactly(editC, toC, toB, editA, add);
        assertThat(history.entries()).extracting(RevisionEntry::path).containsExactly("C", "C", "B", "A", "A");
        assertThat(history.entries().get(0).revision().time()).isEqualTo(NOON.plusMinutes(6));
        assertThat(history.entries().get(0).revision().time().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(history.entries().get(0).sizeDelta()).isEqualTo(10);
        // The second page "A" has its own history; names are found at any commit.
        assertThat(index.history("A", 50, Optional.empty()).entries()).extracting(e -> e.revision().id())
                .containsExactly(recreateA, toB, editA, add);
        assertThat(index.nameAt("C", editA)).isEqualTo("A");
        assertThat(index.nameAt("C", toB)).isEqualTo("B");
        assertThat(index.nameAt("C", recreateA)).isEqualTo("B");
        assertThat(index.nameAt("C", editC)).isEqualTo("C");
        // Cursors, one entry a page, across both renames.
        List<String> walked = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            RevisionPage page = index.history("C", 1, cursor);
            page.entries().forEach(e -> walked.add(e.revision().id()));
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(walked).containsExactly(editC, toC, toB, editA, add);
        assertThatThrownBy(() -> index.history("C", 1, Optional.of("f".repeat(40))))
                .isInstanceOf(RevisionNotFoundException.class);
    }

    @Test
    void recentChangesPageWithoutSplittingACommitAndSurviveARestart() {
        append(change("Kits/One", ChangeKind.ADD, null), change("Kits/Two", ChangeKind.ADD, null),
                change("Three", ChangeKind.ADD, null));
        String last = append(change("Kits/One", ChangeKind.MODIFY, null));
        ChangeQuery two = new ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(), 2);
        RevisionPage first = index.changes(two, Optional.empty());
        assertThat(first.entries()).extracting(RevisionEntry::path).containsExactly("Kits/One");
        RevisionPage second = index.changes(two, first.next());
        // One commit larger than the page is cut, and the cursor moves past it.
        assertThat(second.entries()).extracting(RevisionEntry::path).containsExactly("Kits/One", "Kits/Two");
        assertThat(index.changes(two, second.next()).entries()).isEmpty();
        assertThat(index.changes(new ChangeQuery(Optional.empty(), Optional.of("Kits/"), Optional.of("TAGGED"), 50),
                Optional.empty()).entries()).hasSize(3);
        assertThat(index.changes(new ChangeQuery(Optional.of("ADA@example.org"), Optional.empty(), Optional.empty(), 50),
                Optional.empty()).entries()).hasSize(4);

        index.close();
        index = RevisionIndex.open(dir.resolve("revisions"));
        assertThat(index.indexedCommit()).contains(last);
        assertThat(index.contains(last)).isTrue();
        String after = append(change("Three", ChangeKind.DELETE, null));
        assertThat(index.changes(two, Optional.empty()).entries().get(0).revision().id()).isEqualTo(after);
    }

    /** Revision indexes written before layouts were recorded are of the first layout: kept, not rebuilt. */
    @Test
    void anIndexThatRecordsNoLayoutIsKept() throws java.io.IOException {
        String last = append(change("Kits/One", ChangeKind.ADD, null));
        index.close();
        Path path = dir.resolve("revisions");
        try (org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(
                org.apache.lucene.store.FSDirectory.open(path),
                new org.apache.lucene.index.IndexWriterConfig(new org.apache.lucene.analysis.core.KeywordAnalyzer()))) {
            writer.setLiveCommitData(java.util.Map.of(IndexOpener.COMMIT_KEY, last).entrySet());
            writer.commit(); // what an index from before layouts holds: the commit id alone
        }
        index = RevisionIndex.open(path);
        assertThat(index.indexedCommit()).contains(last);
        assertThat(index.contains(last)).isTrue();
    }

    @Test
    void replaceAllStartsAfresh() {
        append(change("Old", ChangeKind.ADD, null));
        index.replaceAll("c".repeat(40), sink -> sink.accept(commit("c".repeat(40),
                List.of(change("New", ChangeKind.ADD, null)))), null);
        assertThat(index.changes(new ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(), 50),
                Optional.empty()).entries()).extracting(RevisionEntry::path).containsExactly("New");
        assertThat(index.indexedCommit()).contains("c".repeat(40));
    }

    @Test
    void aCommitAppendedAgainAfterARebuildReplacesItsEntries() {
        // A rebuild adds without delete terms; a catch-up that re-applies one of its commits (after
        // a crash) must still find and replace that commit's documents.
        String first = String.format("%040x", ++commits);
        String second = String.format("%040x", ++commits);
        index.replaceAll(second, sink -> {
            sink.accept(commit(first, List.of(change("P", ChangeKind.ADD, null))));
            sink.accept(commit(second, List.of(change("P", ChangeKind.MODIFY, null), change("Q", ChangeKind.ADD, null))));
        }, null);
        int rebuilt = index.size();

        index.append(second, sink -> sink.accept(commit(second,
                List.of(change("P", ChangeKind.MODIFY, null), change("Q", ChangeKind.ADD, null)))));

        assertThat(index.size()).isEqualTo(rebuilt).isEqualTo(5);
        assertThat(index.history("P", 50, Optional.empty()).entries()).extracting(e -> e.revision().id())
                .containsExactly(second, first);
    }

    @Test
    void everyWriterReadsItsOwnWriteWhileOthersQuery() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> missed = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    String id = String.format("%040x", 1000 + ids.incrementAndGet());
                    synchronized (this) { // appends are serialised by the wiki's refresh lock in real use
                        index.append(id, sink -> sink.accept(commit(id, List.of(change("P", ChangeKind.MODIFY, null)))));
                    }
                    if (!index.contains(id)) {
                        missed.add(id);
                    }
                    index.history("P", 5, Optional.empty());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(missed).isEmpty();
        assertThat(index.history("P", 200, Optional.empty()).entries()).hasSize(40);
    }

    private String append(IndexedCommit.Change... changes) {
        String id = String.format("%040x", ++commits);
        index.append(id, sink -> sink.accept(commit(id, List.of(changes))));
        return id;
    }

    private IndexedCommit commit(String id, List<IndexedCommit.Change> changes) {
        Revision revision = new Revision(id, new Author("Ada", "ada@example.org"), NOON.plusMinutes(commits),
                "Commit " + commits);
        return new IndexedCommit(revision, Optional.empty(), changes);
    }

    private static IndexedCommit.Change change(String path, ChangeKind kind, String other) {
        return new IndexedCommit.Change(path, kind, Optional.ofNullable(other), 10, List.of("tagged"));
    }
}
