package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearinghouse.search.RecruitmentPages.COMMIT_1;
import static org.clearinghouse.search.RecruitmentPages.COMMIT_2;
import static org.clearinghouse.search.RecruitmentPages.COMMIT_3;
import static org.clearinghouse.search.RecruitmentPages.paths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, writing, committing, rebuilding and recovering the index. None of it waits on a clock. */
class IndexLifecycleTest {
    /** Long enough that the commit timer never fires during a test: commits here are explicit. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private static List<String> find(SearchIndex index, String query) {
        return paths(index.searchUnguarded(SearchRequest.of(query, 10)));
    }

    @Test
    void aNewIndexIsEmptyAndHasNoCommit() {
        try (SearchIndex index = SearchIndex.open(dir.resolve("new/index"))) {
            assertThat(index.size()).isZero();
            assertThat(index.indexedCommit()).isEmpty();
            assertThat(index.search(SearchRequest.of("anything", 10)).total()).isZero();
            assertThat(index.browse(java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), 10, 0).facets()).containsOnlyKeys("tags", "audience", "type");
            assertThat(index.suggest("any", 5)).isEmpty();
        }
    }

    @Test
    void appliedChangesAreSearchableAtOnce() {
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            index.apply(COMMIT_1, List.of(RecruitmentPages.simple("Guides/Zine", "Zine workshop", "Fold paper.")),
                    List.of());
            assertThat(find(index, "zine")).containsExactly("Guides/Zine");

            index.apply(COMMIT_2, List.of(RecruitmentPages.simple("Guides/Zine", "Poster workshop", "Glue.")),
                    List.of());
            assertThat(find(index, "zine")).isEmpty();
            assertThat(find(index, "poster")).containsExactly("Guides/Zine");
            assertThat(index.size()).isEqualTo(1);

            index.apply(COMMIT_3, List.of(), List.of("Guides/Zine"));
            assertThat(find(index, "poster")).isEmpty();
            assertThat(index.size()).isZero();
            assertThat(index.appliedCommit()).contains(COMMIT_3);
        }
    }

    /**
     * Commits run beside saves without holding them up; whatever a commit point stamps, every
     * page applied up to that Git commit is in it (a crash then catches up from the stamp).
     */
    @Test
    void aCommitMadeDuringSavesIsNeverStampedAheadOfItsPages() throws Exception {
        int saves = 300;
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            Thread saver = new Thread(() -> {
                for (int i = 1; i <= saves; i++) {
                    index.apply(String.format("%040x", i),
                            List.of(RecruitmentPages.simple("Saves/P" + i, "Page " + i, "Saved text.")), List.of());
                }
            });
            saver.start();
            int checked = 0;
            while (saver.isAlive() || checked == 0) {
                index.commit();
                try (org.apache.lucene.store.Directory directory = org.apache.lucene.store.FSDirectory.open(dir);
                        org.apache.lucene.index.DirectoryReader durable =
                                org.apache.lucene.index.DirectoryReader.open(directory)) {
                    String stamp = durable.getIndexCommit().getUserData().get(IndexOpener.COMMIT_KEY);
                    int upTo = stamp == null ? 0 : Integer.parseInt(stamp, 16);
                    for (int i = 1; i <= upTo; i++) {
                        assertThat(durable.docFreq(new org.apache.lucene.index.Term(PageFields.PATH, "Saves/P" + i)))
                                .as("page %d under stamp %d", i, upTo).isEqualTo(1);
                    }
                }
                checked++;
            }
            saver.join();
            index.commit();
            assertThat(index.indexedCommit()).contains(String.format("%040x", saves));
        }
    }

    @Test
    void commitsAreDurableOnlyWhenMadeAndSurviveReopening() {
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            index.apply(COMMIT_1, RecruitmentPages.all(), List.of());
            assertThat(index.indexedCommit()).as("not committed on every apply").isEmpty();
            index.commit();
            assertThat(index.indexedCommit()).contains(COMMIT_1);
            index.apply(COMMIT_2, List.of(), List.of("Careers/Archives"));
            assertThat(index.indexedCommit()).contains(COMMIT_1);
            assertThat(index.appliedCommit()).contains(COMMIT_2);
        }
        try (SearchIndex reopened = SearchIndex.open(dir, NEVER)) {
            assertThat(reopened.indexedCommit()).as("close commits").contains(COMMIT_2);
            assertThat(reopened.size()).isEqualTo(11);
            assertThat(find(reopened, "scholarship")).first().isEqualTo("Funding/Scholarships");
        }
    }

    @Test
    void replaceAllRebuildsFromScratchAndReportsProgress() {
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            index.apply(COMMIT_1, List.of(RecruitmentPages.simple("Stale", "Stale page", "Gone soon.")), List.of());
            List<Integer> progress = new ArrayList<>();
            index.replaceAll(COMMIT_2, RecruitmentPages.all(), progress::add);
            assertThat(progress).hasSize(12).startsWith(1, 2, 3).endsWith(12);
            assertThat(index.size()).isEqualTo(12);
            assertThat(find(index, "stale")).doesNotContain("Stale");
            assertThat(index.indexedCommit()).contains(COMMIT_2);
        }
    }

    /** What the reindex command leaves (a rebuild not merged) is merged by the next opening, in the background. */
    @Test
    void anIndexLeftInSeveralSegmentsIsMergedWhenOpened() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            for (IndexedPage page : RecruitmentPages.all()) {
                index.apply(COMMIT_1, List.of(page), List.of());
                index.commit(); // each commit writes the pages applied since as a segment of their own
            }
        }
        assertThat(committedSegments()).isGreaterThan(1);
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            assertThat(find(index, "scholarship")).first().isEqualTo("Funding/Scholarships");
        } // closing waits for the merge under way and commits it
        assertThat(committedSegments()).isEqualTo(1);
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            assertThat(index.size()).isEqualTo(12);
            assertThat(index.indexedCommit()).contains(COMMIT_1);
        }
    }

    @Test
    void aMergedIndexWithTheSegmentOfALaterSaveIsLeftToTheMergePolicy() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            index.replaceAll(COMMIT_1, RecruitmentPages.all(), done -> { });
        } // closing waits for the merge that follows a rebuild
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            index.apply(COMMIT_2, List.of(RecruitmentPages.simple("Later", "A later page", "Saved after.")), List.of());
        }
        assertThat(committedSegments()).isEqualTo(2);
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            assertThat(index.size()).isEqualTo(13);
        }
        assertThat(committedSegments()).as("not merged again at every start").isEqualTo(2);
    }

    private int committedSegments() throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }

    @Test
    void aFailedRebuildIsNotCommitted() {
        try (SearchIndex index = SearchIndex.open(dir, NEVER)) {
            index.replaceAll(COMMIT_1, RecruitmentPages.all(), done -> { });
            Iterable<IndexedPage> failing = () -> Stream.<IndexedPage>generate(() -> {
                throw new IllegalStateException("repository read failed");
            }).iterator();
            assertThatThrownBy(() -> index.replaceAll(COMMIT_2, failing, done -> { }))
                    .hasMessageContaining("repository read failed");
            index.commit();
            assertThat(index.indexedCommit()).contains(COMMIT_1);
        }
        try (SearchIndex reopened = SearchIndex.open(dir, NEVER)) {
            assertThat(reopened.indexedCommit()).contains(COMMIT_1);
            assertThat(reopened.size()).isEqualTo(12);
        }
    }

    @Test
    void aCorruptIndexIsRecreatedEmpty() throws IOException {
        try (SearchIndex index = RecruitmentPages.openFilled(dir)) {
            assertThat(index.size()).isEqualTo(12);
        }
        Random random = new Random(42);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                byte[] garbage = new byte[(int) Math.max(64, Files.size(file))];
                random.nextBytes(garbage);
                Files.write(file, garbage);
            }
        }
        assertRecreatedEmptyThenRebuilt();
    }

    /** The index in {@code dir} opens empty, with no commit; a rebuild fills it and is durable. */
    private void assertRecreatedEmptyThenRebuilt() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.indexedCommit()).isEmpty();
            assertThat(index.size()).isZero();
            index.replaceAll(COMMIT_3, RecruitmentPages.all(), done -> { });
            assertThat(find(index, "scholarship")).first().isEqualTo("Funding/Scholarships");
        }
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.indexedCommit()).as("the rebuild is committed, with its layout").contains(COMMIT_3);
        }
    }

    /**
     * An index from before the spelling field was indexed without positions: Lucene would refuse
     * every new page ("cannot change index options"), so it is recreated and rebuilt instead.
     */
    @Test
    void anIndexOfAnotherLayoutIsRecreatedEmpty() throws IOException {
        try (IndexWriter old = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new StandardAnalyzer()))) {
            Document page = new Document();
            page.add(new StringField(PageFields.PATH, "Old/Page", Field.Store.YES));
            page.add(new TextField(PageFields.SPELL, "scholarship scholarship", Field.Store.NO));
            old.addDocument(page);
            old.setLiveCommitData(Map.of(IndexOpener.COMMIT_KEY, COMMIT_1).entrySet());
            old.commit();
        }
        assertRecreatedEmptyThenRebuilt();
    }

    @Test
    void aFlippedByteInsideASegmentIsCaught() throws IOException {
        try (SearchIndex index = RecruitmentPages.openFilled(dir)) {
            assertThat(index.size()).isEqualTo(12);
        }
        Path biggest;
        try (Stream<Path> files = Files.list(dir)) {
            biggest = files.filter(f -> f.getFileName().toString().startsWith("_"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        bytes[bytes.length / 2] ^= 0x5A; // one byte in the middle: only a checksum notices
        Files.write(biggest, bytes);
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.indexedCommit()).isEmpty();
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void aDeletedSegmentsFileIsRecreatedEmpty() throws IOException {
        try (SearchIndex index = RecruitmentPages.openFilled(dir)) {
            assertThat(index.indexedCommit()).contains(COMMIT_1);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(dir.resolve("README.txt"), "not ours");
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.indexedCommit()).isEmpty();
            assertThat(index.size()).isZero();
        }
        assertThat(dir.resolve("README.txt")).as("only Lucene's files are wiped").exists();
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefusedNotWiped() {
        try (SearchIndex index = RecruitmentPages.openFilled(dir)) {
            assertThatThrownBy(() -> SearchIndex.open(dir)).isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(index.size()).isEqualTo(12);
        }
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.size()).isEqualTo(12);
        }
    }

    @Test
    void closeIsIdempotentAndLaterUseIsRefused() {
        SearchIndex index = SearchIndex.open(dir);
        index.close();
        index.close();
        assertThatThrownBy(() -> index.search(SearchRequest.of("x", 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.apply(COMMIT_1, List.of(), List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommitIdIsRequired() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThatThrownBy(() -> index.apply(" ", List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
