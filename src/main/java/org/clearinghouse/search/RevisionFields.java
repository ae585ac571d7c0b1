package org.clearinghouse.search;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.ChangeKind;
import org.clearinghouse.page.Revision;

/**
 * The revision index's documents: one per page change, plus one marker per commit. Every field
 * is here with the reason it exists; nothing is analysed (all lookups are exact or by prefix).
 * Stateless.
 */
final class RevisionFields {
    /** The index's layout, recorded with every Lucene commit (see {@link PageFields#LAYOUT}). */
    static final String LAYOUT = IndexOpener.FIRST_LAYOUT;
    /** "change" or "commit": markers make any commit usable as a cursor, even one that changed no page. */
    static final String TYPE = "type";
    static final String TYPE_CHANGE = "change";
    static final String TYPE_COMMIT = "commit";
    /** The commit id: the cursor lookup, and the delete term that makes re-indexing a commit idempotent. */
    static final String COMMIT = "commit";
    /**
     * The commit's position in the order the index took commits in (parents before children):
     * the only reliable "newest first", since clocks of outside committers may disagree and saves
     * within one second share a timestamp. A point for "before" ranges, doc values for sorting.
     */
    static final String SEQ = "seq";
    /** The page name: history is a term query on it. Doc values break ties within a commit. */
    static final String PATH = "path";
    static final String PATH_SORT = "path_sort";
    /** Indexed so history can find the renames of a page without reading its other entries. */
    static final String KIND = "kind";
    /** Lower-cased author name and email, for the author filter. */
    static final String WHO = "who";
    /** Lower-cased tags of the page after the change, for the tag filter. */
    static final String TAG = "tag";
    /** Stored only: what a result shows. */
    static final String OTHER_PATH = "other_path";
    static final String PARENT = "parent";
    static final String AUTHOR = "author";
    static final String EMAIL = "email";
    static final String MESSAGE = "message";
    static final String EPOCH_SECONDS = "time";
    static final String OFFSET_SECONDS = "offset";
    static final String SIZE_DELTA = "size_delta";

    /** Newest first; within a commit, by page name. */
    static final Sort NEWEST_FIRST = new Sort(new SortField(SEQ, SortField.Type.LONG, true),
            new SortField(PATH_SORT, SortField.Type.STRING));

    private RevisionFields() {}

    /** The documents of one commit: its marker first, then one per page change. */
    static List<Document> documents(IndexedCommit commit, long seq) {
        List<Document> docs = new ArrayList<>();
        Document marker = common(commit, seq);
        marker.add(new StringField(TYPE, TYPE_COMMIT, Field.Store.NO));
        docs.add(marker);
        for (IndexedCommit.Change change : commit.changes()) {
            Document doc = common(commit, seq);
            doc.add(new StringField(TYPE, TYPE_CHANGE, Field.Store.NO));
            doc.add(new StringField(PATH, change.path(), Field.Store.YES));
            doc.add(new SortedDocValuesField(PATH_SORT, new BytesRef(change.path())));
            doc.add(new StringField(KIND, change.kind().id(), Field.Store.YES));
            change.otherPath().ifPresent(other -> doc.add(new StoredField(OTHER_PATH, other)));
            doc.add(new StoredField(SIZE_DELTA, change.sizeDelta()));
            for (String tag : change.tags()) {
                doc.add(new StringField(TAG, tag.toLowerCase(Locale.ROOT), Field.Store.NO));
            }
            docs.add(doc);
        }
        return docs;
    }

    private static Document common(IndexedCommit commit, long seq) {
        Revision revision = commit.revision();
        Document doc = new Document();
        doc.add(new StringField(COMMIT, revision.id(), Field.Store.YES));
        doc.add(new LongPoint(SEQ, seq));
        doc.add(new NumericDocValuesField(SEQ, seq));
        doc.add(new StoredField(SEQ, seq));
        commit.parent().ifPresent(parent -> doc.add(new StoredField(PARENT, parent)));
        doc.add(new StoredField(AUTHOR, revision.author().name()));
        doc.add(new StoredField(EMAIL, revision.author().email()));
        doc.add(new StringField(WHO, revision.author().name().toLowerCase(Locale.ROOT), Field.Store.NO));
        doc.add(new StringField(WHO, revision.author().email().toLowerCase(Locale.ROOT), Field.Store.NO));
        doc.add(new StoredField(MESSAGE, revision.message()));
        doc.add(new StoredField(EPOCH_SECONDS, revision.time().toEpochSecond()));
        doc.add(new StoredField(OFFSET_SECONDS, revision.time().getOffset().getTotalSeconds()));
        return doc;
    }

    /** A change document read back, with its sequence number. */
    record Read(RevisionEntry entry, long seq) {}

    static Read read(StoredFields fields, int docId) throws IOException {
        Document doc = fields.document(docId);
        OffsetDateTime time = OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(doc.getField(EPOCH_SECONDS).numericValue().longValue()),
                ZoneOffset.ofTotalSeconds(doc.getField(OFFSET_SECONDS).numericValue().intValue()));
        Revision revision = new Revision(doc.get(COMMIT), new Author(doc.get(AUTHOR), doc.get(EMAIL)), time,
                doc.get(MESSAGE));
        ChangeKind kind = ChangeKind.fromId(doc.get(KIND)).orElse(ChangeKind.MODIFY);
        RevisionEntry entry = new RevisionEntry(revision, Optional.ofNullable(doc.get(PARENT)), doc.get(PATH), kind,
                Optional.ofNullable(doc.get(OTHER_PATH)), doc.getField(SIZE_DELTA).numericValue().longValue());
        return new Read(entry, doc.getField(SEQ).numericValue().longValue());
    }
}
