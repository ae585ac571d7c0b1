package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Passages are ranked exactly as Lucene's own passage scorer ranks them. */
class PassageRankerTest {
    @Test
    void scoresAreLucenesScoresToTheLastBit() {
        Random random = new Random(5);
        PassageScorer lucene = new PassageScorer();
        PassageRanker ours = new PassageRanker();
        String[] words = {"scholar", "fund", "grant", "aid", "loan"};
        for (int round = 0; round < 2_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 600 + random.nextInt(50));
            int at = start;
            int matches = random.nextInt(12);
            for (int i = 0; i < matches; i++) {
                at += 1 + random.nextInt(30);
                String word = words[random.nextInt(words.length)];
                passage.addMatch(at, at + word.length(), new BytesRef(word), 1 + random.nextInt(40));
                at += word.length();
            }
            int contentLength = passage.getEndOffset() + random.nextInt(20_000);
            assertThat(Float.floatToIntBits(ours.score(passage, contentLength)))
                    .isEqualTo(Float.floatToIntBits(lucene.score(passage, contentLength)));
        }
    }
}
