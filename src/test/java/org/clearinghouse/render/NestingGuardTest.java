package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NestingGuardTest {

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "# Title\n\n> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n* * *\n\n```\n" + ">".repeat(100) + "\n```\n";
        assertThat(NestingGuard.bound(text)).isSameAs(text);
    }

    @Test
    void escapesMarkersBeyondTheLimit() {
        String bounded = NestingGuard.bound(">".repeat(40) + " x");
        assertThat(bounded).startsWith(">".repeat(NestingGuard.MAX_MARKERS) + "\\>");
        assertThat(NestingGuard.bound("- ".repeat(40) + "x"))
                .startsWith("- ".repeat(NestingGuard.MAX_MARKERS) + "\\-");
        assertThat(NestingGuard.bound("1. ".repeat(40) + "x"))
                .startsWith("1. ".repeat(NestingGuard.MAX_MARKERS) + "1\\.");
    }

    @Test
    void cutsOverlongIndentation() {
        String bounded = NestingGuard.bound(" ".repeat(1000) + "- x\nnext");
        assertThat(bounded).isEqualTo(" ".repeat(NestingGuard.MAX_INDENT) + "- x\nnext");
    }

    @Test
    void leavesLongRulesAlone() {
        String rule = "- ".repeat(50) + "\n";
        assertThat(NestingGuard.bound(rule)).isSameAs(rule);
    }
}
