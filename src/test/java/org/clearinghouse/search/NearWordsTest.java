package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The near words found with one automaton per word are the ones Lucene's own fuzzy query and
 * spell checker would find: same terms, same scores, same best correction.
 */
class NearWordsTest {
    private static final List<String> TEXTS = List.of(
            "scholarship scholarships scholars scholar schoolhouse",
            "mentoring mentor mentors mentioning program programs progress",
            "barrett barret barrette brattle barretts",
            "library libraries librarian librarians librarianship liberty",
            "community communities commuting communal",
            "mony money many monty mane mono",
            "e-mail email mail mails", "applications application applicant appliance",
            "scholarships program library", "community money many many");
    private static final List<String> TYPOS = List.of(
            "scholarsips", "progam", "brarett", "librarain", "comunity", "mony", "mny", "e-mial",
            "aplications", "libary", "barett", "scholarshipz");

    @Test
    void editDistanceCountsASwapAsOneEdit() {
        assertThat(distance("scholarsips", "scholarships")).isEqualTo(1);
        assertThat(distance("progam", "program")).isEqualTo(1);
        assertThat(distance("brarett", "barrett")).isEqualTo(1);
        assertThat(distance("discvoer", "discover")).isEqualTo(1);
        assertThat(distance("abcdef", "abcdef")).isEqualTo(0);
        assertThat(distance("ca", "abc")).isEqualTo(3); // no letter edited twice: not a swap and an insertion
        // The skipped start is the part an automaton requires to match exactly.
        assertThat(EditDistance.between("kitten".codePoints().toArray(), "sitting".codePoints().toArray(), 1))
                .isEqualTo(2);
        assertThat(distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void typoExpansionIsWhatAFuzzyQueryRewritesTo() throws IOException {
        Analyzer analyzer = PageFields.analyzer();
        try (Directory dir = filled(analyzer); IndexReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (String typo : TYPOS) {
                NearWords near = NearWords.find(analyzer, reader, typo);
                for (NearWords.Term term : near.terms()) {
                    for (String field : List.of(PageFields.TITLE_WORDS, PageFields.SPELL)) {
                        Map<String, Float> ours = new TreeMap<>();
                        for (NearWords.Candidate c : NearWords.expansion(term, field, QueryTranslator.MAX_EXPANSIONS)) {
                            ours.put(c.text(), c.similarity());
                        }
                        Query fuzzy = new FuzzyQuery(new Term(field, term.text()), term.typoEdits(), 1,
                                QueryTranslator.MAX_EXPANSIONS, true);
                        assertThat(ours).as(typo + " in " + field).isEqualTo(boostedTerms(searcher.rewrite(fuzzy)));
                    }
                }
            }
        }
    }

    @Test
    void bestCorrectionIsTheSpellCheckersFirstSuggestion() throws IOException {
        Analyzer analyzer = PageFields.analyzer();
        SpellingSuggester suggester = new SpellingSuggester(analyzer);
        try (Directory dir = filled(analyzer); IndexReader reader = DirectoryReader.open(dir)) {
            DirectSpellChecker checker = new DirectSpellChecker();
            checker.setMaxQueryLength(SpellingSuggester.MAX_WORD_LENGTH);
            for (String typo : TYPOS) {
                UserQuery query = UserQueryParser.parse(typo);
                Set<String> unknown = suggester.unknownWords(query, reader);
                Map<String, NearWords> near = new HashMap<>();
                for (String word : unknown) {
                    near.put(word, NearWords.find(analyzer, reader, word));
                }
                Optional<String> expected = Optional.empty();
                List<String> terms = TermAnalysis.terms(analyzer, PageFields.SPELL, typo);
                if (!unknown.isEmpty() && terms.size() == 1) {
                    SuggestWord[] best = checker.suggestSimilar(new Term(PageFields.SPELL, terms.get(0)), 1, reader,
                            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    expected = best.length == 0 ? Optional.empty() : Optional.of(best[0].string);
                }
                assertThat(suggester.suggest(query, near)).as(typo).isEqualTo(expected);
            }
        }
    }

    private static int distance(String a, String b) {
        return EditDistance.between(a.codePoints().toArray(), b.codePoints().toArray(), 0);
    }

    /** The terms of a rewritten fuzzy query with their boosts. */
    private static Map<String, Float> boostedTerms(Query rewritten) {
        Map<String, Float> terms = new TreeMap<>();
        collect(rewritten, 1f, terms);
        return terms;
    }

    private static void collect(Query query, float boost, Map<String, Float> terms) {
        if (query instanceof BooleanQuery bool) {
            bool.clauses().forEach(clause -> collect(clause.getQuery(), boost, terms));
        } else if (query instanceof BoostQuery boosted) {
            collect(boosted.getQuery(), boost * boosted.getBoost(), terms);
        } else if (query instanceof TermQuery term) {
            terms.put(term.getTerm().text(), boost);
        } else if (!(query instanceof MatchNoDocsQuery)) {
            throw new AssertionError("Unexpected " + query.getClass());
        }
    }

    private static Directory filled(Analyzer analyzer) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            int n = 0;
            for (String text : TEXTS) {
                Document doc = new Document();
                doc.add(new TextField(PageFields.SPELL, text, Field.Store.NO));
                if (n++ % 2 == 0) {
                    doc.add(new TextField(PageFields.TITLE_WORDS, text, Field.Store.NO));
                }
                writer.addDocument(doc);
                if (n % 3 == 0) {
                    writer.commit(); // several segments, as a live index has
                }
            }
        }
        return dir;
    }
}
