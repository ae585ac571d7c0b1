package org.clearinghouse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.document.LongPoint;
import org.clearinghouse.page.ChangeKind;

/**
 * Reads history out of the revision index. A page's history is a term query on its name, newest
 * first, that costs in proportion to the entries returned; renames are followed by looking up the
 * page's {@code rename-to} entries (one small query per rename) and continuing under the old name
 * below that point, as {@code git log --follow} does. Stateless; each call gets its own searcher.
 */
final class RevisionQueries {

    private RevisionQueries() {}

    /** The sequence number of a commit, if the index has it. */
    static OptionalLong seqOf(IndexSearcher searcher, String commit) throws IOException {
        TopDocs hits = searcher.search(new TermQuery(new Term(RevisionFields.COMMIT, commit)), 1);
        if (hits.scoreDocs.length == 0) {
            return OptionalLong.empty();
        }
        var doc = searcher.storedFields().document(hits.scoreDocs[0].doc, java.util.Set.of(RevisionFields.SEQ));
        return OptionalLong.of(doc.getField(RevisionFields.SEQ).numericValue().longValue());
    }

    /**
     * The page's history newest first, {@code limit} entries from below {@code beforeSeq}
     * (exclusive; everything when empty), following renames back to the old names.
     */
    static RevisionPage history(IndexSearcher searcher, String path, int limit, OptionalLong beforeSeq)
            throws IOException {
        String current = beforeSeq.isPresent() ? nameAt(searcher, path, beforeSeq.getAsLong(), true) : path;
        long upper = beforeSeq.orElse(Long.MAX_VALUE);
        List<RevisionFields.Read> found = new ArrayList<>();
        while (found.size() <= limit) {
            int wanted = limit + 1 - found.size();
            List<RevisionFields.Read> batch = search(searcher, changesOf(current, upper, false), wanted);
            boolean renamed = false;
            for (RevisionFields.Read read : batch) {
                found.add(read);
                RevisionEntry entry = read.entry();
                if (entry.kind() == ChangeKind.RENAME_TO && entry.otherPath().isPresent()) {
                    // Older entries belong to the name the page had before this commit.
                    current = entry.otherPath().get();
                    upper = read.seq();
                    renamed = true;
                    break;
                }
            }
            if (!renamed && batch.size() < wanted) {
                break;
            }
        }
        return page(found, limit);
    }

    /**
     * The name the page now called {@code path} had at the commit numbered {@code seq}: the same
     * name unless it was renamed since. With {@code before}, the name just before that commit
     * (so a rename made by that very commit is undone too).
     */
    static String nameAt(IndexSearcher searcher, String path, long seq, boolean before) throws IOException {
        String current = path;
        long upper = Long.MAX_VALUE;
        while (true) {
            List<RevisionFields.Read> renames = search(searcher, changesOf(current, upper, true), 1);
            if (renames.isEmpty()) {
                break;
            }
            RevisionFields.Read rename = renames.get(0);
            boolean movedSince = before ? rename.seq() >= seq : rename.seq() > seq;
            if (!movedSince || rename.entry().otherPath().isEmpty()) {
                break;
            }
            current = rename.entry().otherPath().get();
            upper = rename.seq();
        }
        return current;
    }

    /** The newest change of exactly {@code path} at or before the commit numbered {@code seq}. */
    static Optional<RevisionEntry> changeAt(IndexSearcher searcher, String path, long seq) throws IOException {
        return search(searcher, changesOf(path, seq + 1, false), 1).stream().map(RevisionFields.Read::entry).findFirst();
    }

    /**
     * The newest change of every page name in the index, by name: what the head snapshot shows as
     * each page's last change. One pass over the doc values of all entries, then one stored
     * document per name, so a start-up need not walk the Git history for it.
     */
    static Map<String, RevisionEntry> latestChanges(IndexSearcher searcher) throws IOException {
        record Newest(long seq, int doc) {}
        Map<String, Newest> newest = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            SortedDocValues paths = DocValues.getSorted(leaf.reader(), RevisionFields.PATH_SORT);
            NumericDocValues seqs = DocValues.getNumeric(leaf.reader(), RevisionFields.SEQ);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = paths.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = paths.nextDoc()) {
                if ((live != null && !live.get(doc)) || !seqs.advanceExact(doc)) {
                    continue;
                }
                long seq = seqs.longValue();
                int global = leaf.docBase + doc;
                newest.merge(paths.lookupOrd(paths.ordValue()).utf8ToString(), new Newest(seq, global),
                        (a, b) -> b.seq() > a.seq() ? b : a);
            }
        }
        StoredFields fields = searcher.storedFields();
        Map<String, RevisionEntry> entries = new HashMap<>(newest.size() * 2);
        for (Map.Entry<String, Newest> e : newest.entrySet()) {
            entries.put(e.getKey(), RevisionFields.read(fields, e.getValue().doc()).entry());
        }
        return entries;
    }

    /**
     * Recent changes matching {@code query}, newest first. A page of results never ends in the
     * middle of a commit, so the next page's cursor (a commit) loses nothing; only a single
     * commit with more changes than the limit is cut.
     */
    static RevisionPage changes(IndexSearcher searcher, ChangeQuery query, OptionalLong beforeSeq) throws IOException {
        BooleanQuery.Builder filters = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(RevisionFields.TYPE, RevisionFields.TYPE_CHANGE)), BooleanClause.Occur.FILTER);
        beforeSeq.ifPresent(seq -> filters.add(LongPoint.newRangeQuery(RevisionFields.SEQ, Long.MIN_VALUE, seq - 1),
                BooleanClause.Occur.FILTER));
        query.author().ifPresent(author -> filters.add(new TermQuery(new Term(RevisionFields.WHO,
                author.toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER));
        query.prefix().ifPresent(prefix -> filters.add(new PrefixQuery(new Term(RevisionFields.PATH, prefix)),
                BooleanClause.Occur.FILTER));
        query.tag().ifPresent(tag -> filters.add(new TermQuery(new Term(RevisionFields.TAG,
                tag.toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER));
        int limit = query.limit();
        List<RevisionFields.Read> found = search(searcher, filters.build(), limit + 1);
        if (found.size() <= limit) {
            return page(found, limit);
        }
        List<RevisionFields.Read> onPage = new ArrayList<>(found.subList(0, limit));
        long split = found.get(limit).seq();
        if (onPage.get(0).seq() != split) {
            onPage.removeIf(read -> read.seq() == split); // end the page before the commit that spills over
        }
        List<RevisionEntry> entries = onPage.stream().map(RevisionFields.Read::entry).toList();
        return new RevisionPage(entries, Optional.of(entries.get(entries.size() - 1).revision().id()));
    }

    /** Page changes of {@code path} below {@code upper}, optionally renames into it only. */
    private static Query changesOf(String path, long upper, boolean renamesOnly) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(RevisionFields.PATH, path)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(RevisionFields.TYPE, RevisionFields.TYPE_CHANGE)), BooleanClause.Occur.FILTER);
        if (upper != Long.MAX_VALUE) {
            query.add(LongPoint.newRangeQuery(RevisionFields.SEQ, Long.MIN_VALUE, upper - 1), BooleanClause.Occur.FILTER);
        }
        if (renamesOnly) {
            query.add(new TermQuery(new Term(RevisionFields.KIND, ChangeKind.RENAME_TO.id())), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static List<RevisionFields.Read> search(IndexSearcher searcher, Query query, int count) throws IOException {
        TopDocs hits = searcher.search(query, count, RevisionFields.NEWEST_FIRST, false);
        StoredFields fields = searcher.storedFields();
        List<RevisionFields.Read> reads = new ArrayList<>(hits.scoreDocs.length);
        for (ScoreDoc hit : hits.scoreDocs) {
            reads.add(RevisionFields.read(fields, hit.doc));
        }
        return reads;
    }

    /** The first {@code limit} entries, and a cursor when there were more. */
    private static RevisionPage page(List<RevisionFields.Read> found, int limit) {
        List<RevisionEntry> entries = found.stream().limit(limit).map(RevisionFields.Read::entry).toList();
        Optional<String> next = found.size() > limit && !entries.isEmpty()
                ? Optional.of(entries.get(entries.size() - 1).revision().id())
                : Optional.empty();
        return new RevisionPage(entries, next);
    }
}
