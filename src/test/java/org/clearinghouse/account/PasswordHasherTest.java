package org.clearinghouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = PasswordHasher.forTests();

    @Test
    void hashesVerifyTheirOwnPasswordOnly() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertThat(hash).startsWith("$2b$04$").hasSize(60).doesNotContain("correct");
        assertThat(hasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horsE".toCharArray(), hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(hasher.hash("password1".toCharArray())).isNotEqualTo(hasher.hash("password1".toCharArray()));
    }

    @Test
    void theCostIsTheOneAskedFor() {
        assertThat(new PasswordHasher().cost()).isEqualTo(12);
        assertThat(new PasswordHasher(5).hash("password1".toCharArray())).startsWith("$2b$05$");
        assertThatThrownBy(() -> new PasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHashOfAnotherCostStillVerifies() {
        String hash = new PasswordHasher(5).hash("password1".toCharArray());
        assertThat(hasher.verify("password1".toCharArray(), hash)).isTrue();
    }

    @Test
    void passwordsNeedEightCharacters() {
        assertThatThrownBy(() -> hasher.hash("1234567".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8");
        assertThat(hasher.hash("12345678".toCharArray())).isNotEmpty();
        // Characters, not bytes or chars: four emoji are 8 chars but only 4 characters.
        assertThatThrownBy(() -> hasher.hash("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hash(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsHaveAtMost72BytesOfUtf8() {
        assertThat(hasher.hash("a".repeat(72).toCharArray())).isNotEmpty();
        assertThatThrownBy(() -> hasher.hash("a".repeat(73).toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("72 bytes");
        // 37 "é" are 37 characters but 74 bytes.
        assertThatThrownBy(() -> hasher.hash("é".repeat(37).toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        String hash = hasher.hash("é".repeat(36).toCharArray());
        assertThat(hasher.verify("é".repeat(36).toCharArray(), hash)).isTrue();
    }

    @Test
    void rejectsBrokenUnicode() {
        assertThatThrownBy(() -> hasher.hash("abcdefgh\uD800".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unicode");
    }

    @Test
    void checkRulesAppliesTheSameRules() {
        PasswordHasher.checkRules("long enough".toCharArray());
        assertThatThrownBy(() -> PasswordHasher.checkRules("short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifyAnswersFalseInsteadOfThrowing() {
        String hash = hasher.hash("password1".toCharArray());
        assertThat(hasher.verify("short".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("a".repeat(100).toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("password1".toCharArray(), "not a hash")).isFalse();
        assertThat(hasher.verify(null, hash)).isFalse();
        assertThat(hasher.verify("password1".toCharArray(), null)).isFalse();
    }

    @Test
    void theDummyCheckRunsWithoutFailing() {
        hasher.verifyAgainstDummy("anything at all".toCharArray());
        hasher.verifyAgainstDummy("short".toCharArray());
    }

    @Test
    void doesNotClearTheCallersArray() {
        char[] password = "password1".toCharArray();
        hasher.hash(password);
        assertThat(password).containsExactly("password1".toCharArray());
    }
}
