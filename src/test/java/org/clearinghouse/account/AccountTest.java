package org.clearinghouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

    private static final String HASH = "$2b$04$abcdefghijklmnopqrstuu0123456789012345678901234567890";

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Bob_2", "jean-luc.picard", "_x", "-x", "x.", "0"})
    void acceptsValidNames(String name) {
        assertThat(new Account(name, null, null, Role.READER, HASH).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/b", "a b", " alice", ".hidden", "..", "é", "a\nb", "a:b", "a@b"})
    void rejectsInvalidNames(String name) {
        assertThatThrownBy(() -> new Account(name, null, null, Role.READER, HASH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesHaveAtMost64Characters() {
        assertThat(new Account("a".repeat(64), null, null, Role.READER, HASH).name()).hasSize(64);
        assertThatThrownBy(() -> new Account("a".repeat(65), null, null, Role.READER, HASH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        assertThatThrownBy(() -> new Account(null, null, null, Role.READER, HASH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required");
    }

    @Test
    void displayNameDefaultsToTheNameAndEmailToEmpty() {
        Account account = new Account("alice", "  ", null, Role.EDITOR, HASH);
        assertThat(account.displayName()).isEqualTo("alice");
        assertThat(account.email()).isEmpty();
        Account named = new Account("alice", " Alice Liddell ", " alice@example.org ", Role.EDITOR, HASH);
        assertThat(named.displayName()).isEqualTo("Alice Liddell");
        assertThat(named.email()).isEqualTo("alice@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "@example.org", "a b@example.org", "alice@example", "a@@b.org"})
    void rejectsMalformedEmail(String email) {
        assertThatThrownBy(() -> new Account("alice", null, email, Role.EDITOR, HASH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e-mail");
    }

    @Test
    void rejectsControlCharactersInTheDisplayName() {
        assertThatThrownBy(() -> new Account("alice", "Al\u0007ice", null, Role.EDITOR, HASH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresARoleAndAHash() {
        assertThatThrownBy(() -> new Account("alice", null, null, null, HASH)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Account("alice", null, null, Role.READER, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringLeavesTheHashOut() {
        Account account = new Account("alice", "Alice", "alice@example.org", Role.ADMIN, HASH);
        assertThat(account.toString()).contains("alice", "Alice", "admin").doesNotContain(HASH).doesNotContain("$2b$");
    }
}
