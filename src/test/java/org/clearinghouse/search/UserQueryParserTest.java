package org.clearinghouse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query language, parsed without an index. */
class UserQueryParserTest {

    @Test
    void splitsWordsPhrasesExclusionsPrefixesAndFilters() {
        UserQuery q = UserQueryParser.parse("career \"job fair\" -school -\"public library\" intern* "
                + "TAG:Outreach audience:\"School Librarians\" -type:kit");
        assertThat(q.words()).containsExactly("career");
        assertThat(q.phrases()).containsExactly("job fair");
        assertThat(q.excludedWords()).containsExactly("school");
        assertThat(q.excludedPhrases()).containsExactly("public library");
        assertThat(q.prefixes()).containsExactly("intern");
        assertThat(q.filters()).containsExactly(
                new UserQuery.Filter("tags", "outreach", false),
                new UserQuery.Filter("audience", "school librarians", false),
                new UserQuery.Filter("type", "kit", true));
    }

    @Test
    void oddInputBecomesPlainWords() {
        assertThat(UserQueryParser.parse("*foo").words()).containsExactly("*foo");
        assertThat(UserQueryParser.parse("a*").prefixes()).isEmpty();
        assertThat(UserQueryParser.parse("a*").words()).containsExactly("a*");
        assertThat(UserQueryParser.parse("lib?*").prefixes()).isEmpty();
        assertThat(UserQueryParser.parse("title:x").words()).containsExactly("title:x");
        assertThat(UserQueryParser.parse("tag:").words()).containsExactly("tag:");
        assertThat(UserQueryParser.parse("- word").words()).containsExactly("word");
        assertThat(UserQueryParser.parse("\"unterminated phrase").phrases()).containsExactly("unterminated phrase");
    }

    @Test
    void boundsLengthPartsAndPrefixes() {
        assertThat(UserQueryParser.clean("x".repeat(10_000))).hasSize(UserQueryParser.MAX_LENGTH);
        assertThat(UserQueryParser.parse("w ".repeat(100)).parts()).hasSize(UserQueryParser.MAX_PARTS);
        assertThat(UserQueryParser.parse("ab* ".repeat(20)).prefixes()).hasSize(UserQueryParser.MAX_PREFIXES);
        String emoji = "😀".repeat(300);
        assertThat(Character.isHighSurrogate(UserQueryParser.clean(emoji).charAt(UserQueryParser.clean(emoji)
                .length() - 1))).isFalse();
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(UserQueryParser.parse("career\u0000day\u202e").words()).containsExactly("career", "day");
    }

    @Test
    void rendersCorrectionsBackIntoTheQuery() {
        UserQuery q = UserQueryParser.parse("scholarsips \"career day\" -school lib* tag:\"career day\"");
        assertThat(q.render(Map.of("scholarsips", "scholarships")))
                .isEqualTo("scholarships \"career day\" -school lib* tag:\"career day\"");
    }
}
