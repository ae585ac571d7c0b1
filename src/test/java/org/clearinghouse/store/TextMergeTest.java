package org.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMergeTest {
    private static final String BASE = "# Title\n\nIntro line.\n\nMiddle line.\n\nLast line.\n";

    @Test
    void changesToDifferentPartsMergeCleanly() {
        String yours = BASE.replace("Intro line.", "Intro, reworded.");
        String theirs = BASE.replace("Last line.", "Last line, extended.");
        TextMerge.Result result = TextMerge.merge(BASE, yours, theirs);
        assertThat(result.conflicted()).isFalse();
        assertThat(result.text()).contains("Intro, reworded.").contains("Last line, extended.");
    }

    @Test
    void changesToTheSameLineConflictWithMarkersNamingBothSides() {
        String yours = BASE.replace("Middle line.", "Middle, my way.");
        String theirs = BASE.replace("Middle line.", "Middle, their way.");
        TextMerge.Result result = TextMerge.merge(BASE, yours, theirs);
        assertThat(result.conflicted()).isTrue();
        assertThat(result.text()).contains("<<<<<<< yours").contains("Middle, my way.")
                .contains("=======").contains("Middle, their way.").contains(">>>>>>> theirs");
    }

    @Test
    void identicalChangesAreNotAConflict() {
        String both = BASE.replace("Intro line.", "Same change.");
        TextMerge.Result result = TextMerge.merge(BASE, both, both);
        assertThat(result.conflicted()).isFalse();
        assertThat(result.text()).isEqualTo(both);
    }

    @Test
    void mergesIntoAnEmptyBase() {
        TextMerge.Result result = TextMerge.merge("", "a\n", "a\n");
        assertThat(result.conflicted()).isFalse();
        assertThat(result.text()).isEqualTo("a\n");
    }
}
