package org.clearinghouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void parsesIgnoringCase() {
        assertThat(Role.parse("reader")).isEqualTo(Role.READER);
        assertThat(Role.parse("EDITOR")).isEqualTo(Role.EDITOR);
        assertThat(Role.parse(" Admin ")).isEqualTo(Role.ADMIN);
    }

    @Test
    void rejectsAnythingElseNamingTheChoices() {
        assertThatThrownBy(() -> Role.parse("owner"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner").hasMessageContaining("reader, editor or admin");
        assertThatThrownBy(() -> Role.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Role.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void permissionsGrowWithTheRole() {
        assertThat(Role.READER.canEdit()).isFalse();
        assertThat(Role.READER.canAdmin()).isFalse();
        assertThat(Role.EDITOR.canEdit()).isTrue();
        assertThat(Role.EDITOR.canAdmin()).isFalse();
        assertThat(Role.ADMIN.canEdit()).isTrue();
        assertThat(Role.ADMIN.canAdmin()).isTrue();
    }

    @Test
    void idIsTheLowerCaseName() {
        assertThat(Role.EDITOR.id()).isEqualTo("editor");
        for (Role role : Role.values()) {
            assertThat(Role.parse(role.id())).isEqualTo(role);
        }
    }
}
