package org.clearinghouse.search;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Passes each word of a value once, at its first occurrence. For a field indexed without
 * frequencies or positions (the spelling field: only which pages hold a word counts), a word seen
 * again adds nothing to the index, but costs as much to invert as the first time; a page repeats
 * most of its words.
 */
final class DistinctWordsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final CharArraySet seen = new CharArraySet(256, false);

    DistinctWordsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (!seen.contains(term.buffer(), 0, term.length())) {
                seen.add(term.toString());
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        seen.clear();
    }
}
