package org.clearinghouse.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The names of the page index's fields, and the analysis and facet configuration that go with
 * them. Why each field exists is said where it is built, in {@link PageDocument}. Stateless;
 * the analyzers and the facets configuration it builds are thread-safe once built.
 */
final class PageFields {
    /** The page path: the document's id term (exact, not analysed), and stored for results. */
    static final String PATH = "path";
    /** Title words, English analysis (stemmed); stored for results. Boosted most. */
    static final String TITLE = "title";
    /** Title words lower-cased but not stemmed: prefix queries for suggestions and {@code word*}. */
    static final String TITLE_WORDS = "title_words";
    /** The lower-cased title as one value, for browsing in title order. */
    static final String TITLE_SORT = "title_sort";
    /** Section headings, English analysis; boosted between title and body. */
    static final String HEADINGS = "headings";
    /** The page text, English analysis, stored with offsets for highlighting. */
    static final String BODY = "body";
    /** Title, headings and body, lower-cased but not stemmed: real words for spelling and prefixes. */
    static final String SPELL = "spell";
    /** Stored only: shown when no passage of the body matches. */
    static final String SUMMARY = "summary";
    /** Stored only: the tags and type as written, for display in hits. */
    static final String TAGS_STORED = "tags_stored";
    static final String TYPE_STORED = "type_stored";
    /** Last change, epoch milliseconds: a point for range queries, doc values for sorting. */
    static final String UPDATED = "updated";

    /**
     * The index's layout (fields and how each is indexed), recorded with every Lucene commit. An
     * index of another layout is rebuilt from Git at start: Lucene refuses a field indexed two
     * ways. 2: the spelling field holds only which pages have a word.
     */
    static final String LAYOUT = "2";

    /** Facet dimensions, which are also the keys of {@link SearchResults#facets()}. */
    static final String TAGS_DIM = "tags";
    static final String AUDIENCE_DIM = "audience";
    static final String TYPE_DIM = "type";

    /** Lower-cased exact values, for filtering (facet doc values can count but not filter). */
    static final String TAG_FILTER = "filter_tag";
    static final String AUDIENCE_FILTER = "filter_audience";
    static final String TYPE_FILTER = "filter_type";

    /** Title, headings and body boosts: a word in the title says more about a page than in its text. */
    static final float TITLE_BOOST = 4f;
    static final float HEADINGS_BOOST = 2f;
    static final float BODY_BOOST = 1f;

    /** Positions between two values of one field: more than any phrase slop used here. */
    private static final int VALUE_GAP = 100;

    private PageFields() {}

    /**
     * English analysis (lower case, stop words, Porter stemming, so "recruiting" meets
     * "recruitment") for the searched text fields; plain standard analysis with no stop words for
     * the fields whose terms must stay real words (suggestions, spelling, prefixes). Values of a
     * multi-valued field (several headings) are kept apart by a position gap, so a phrase never
     * matches across the end of one heading and the start of the next.
     */
    static Analyzer analyzer() {
        Analyzer english = new EnglishAnalyzer();
        Analyzer plain = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        Analyzer distinct = distinctWords();
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return SPELL.equals(fieldName) ? distinct : TITLE_WORDS.equals(fieldName) ? plain : english;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return VALUE_GAP;
            }
        };
    }

    /** The plain analysis, passing each word of a value once (see {@link DistinctWordsFilter}). */
    private static Analyzer distinctWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer words = new StandardTokenizer();
                return new TokenStreamComponents(words, new DistinctWordsFilter(new LowerCaseFilter(words)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * Facets kept in sorted-set doc values, so no taxonomy directory has to be kept in step with
     * the index; tags and audience hold several values per page.
     */
    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(TAGS_DIM, true);
        config.setMultiValued(AUDIENCE_DIM, true);
        config.setMultiValued(TYPE_DIM, false);
        return config;
    }

    /** The filter field for a facet dimension. */
    static String filterField(String dimension) {
        return switch (dimension) {
            case TAGS_DIM -> TAG_FILTER;
            case AUDIENCE_DIM -> AUDIENCE_FILTER;
            case TYPE_DIM -> TYPE_FILTER;
            default -> throw new IllegalArgumentException(dimension);
        };
    }
}
