package org.clearinghouse.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Scores a candidate passage exactly as Lucene's {@link PassageScorer} does (BM25 over the
 * distinct matched terms, in the order they first appear, times a bonus for passages near the
 * start), without the 32 KB hash table Lucene's version allocates for each passage it scores: a
 * passage holds a handful of matches, so finding a repeated term by looking back is cheaper, and
 * the highlighter scores every sentence with a match of every hit. Stateless; thread-safe.
 */
final class PassageRanker extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[matches];
        int[] inPassage = new int[matches];
        int[] inDoc = new int[matches];
        int count = 0;
        for (int i = 0; i < matches; i++) {
            int index = 0;
            while (index < count && !distinct[index].bytesEquals(terms[i])) {
                index++;
            }
            if (index == count) {
                distinct[count] = terms[i];
                inDoc[count] = freqsInDoc[i];
                count++;
            }
            inPassage[index]++;
        }
        double score = 0;
        for (int i = 0; i < count; i++) {
            score += tf(inPassage[i], passage.getLength()) * weight(contentLength, inDoc[i]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
