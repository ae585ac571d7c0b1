package org.clearinghouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreTest {

    private static final PasswordHasher HASHER = PasswordHasher.forTests();

    @TempDir
    Path data;

    private AccountStore open() {
        return AccountStore.open(data, HASHER, Duration.ZERO);
    }

    private static char[] pw(String text) {
        return text.toCharArray();
    }

    @Test
    void aMissingFileMeansNoAccounts() {
        AccountStore store = AccountStore.open(data.resolve("not-yet"), HASHER);
        assertThat(store.list()).isEmpty();
        assertThat(store.find("alice")).isEmpty();
        assertThat(store.file()).isEqualTo(data.resolve("not-yet").resolve("users.json").toAbsolutePath());
        assertThat(data.resolve("not-yet")).doesNotExist();
    }

    @Test
    void addsFindsAndListsAccountsInNameOrder() {
        AccountStore store = open();
        Account added = store.add("bob", "Bob Builder", "bob@example.org", Role.EDITOR, pw("bob's password"));
        store.add("alice", null, null, Role.ADMIN, pw("alice's password"));
        store.add("Carol", null, null, Role.READER, pw("carol's password"));

        assertThat(added.displayName()).isEqualTo("Bob Builder");
        assertThat(store.find("bob")).contains(added);
        assertThat(store.find("alice").orElseThrow().displayName()).isEqualTo("alice");
        assertThat(store.find("nobody")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(store.list()).extracting(Account::name).containsExactly("alice", "bob", "Carol");
    }

    @Test
    void theAccountsSurviveReopening() {
        open().add("alice", "Alice", "alice@example.org", Role.EDITOR, pw("alice's password"));
        AccountStore reopened = open();
        Account alice = reopened.find("alice").orElseThrow();
        assertThat(alice.role()).isEqualTo(Role.EDITOR);
        assertThat(alice.email()).isEqualTo("alice@example.org");
        assertThat(reopened.authenticate("alice", pw("alice's password"))).contains(alice);
    }

    @Test
    void authenticatesOnlyTheRightPassword() {
        AccountStore store = open();
        Account alice = store.add("alice", null, null, Role.EDITOR, pw("alice's password"));
        assertThat(store.authenticate("alice", pw("alice's password"))).contains(alice);
        assertThat(store.authenticate("alice", pw("wrong password"))).isEmpty();
        assertThat(store.authenticate("ALICE", pw("alice's password"))).isEmpty();
        assertThat(store.authenticate("nobody", pw("alice's password"))).isEmpty();
        assertThat(store.authenticate(null, pw("alice's password"))).isEmpty();
        assertThat(store.authenticate("alice", pw("short"))).isEmpty();
    }

    @Test
    void changesPasswords() {
        AccountStore store = open();
        store.add("alice", null, null, Role.EDITOR, pw("old password"));
        store.changePassword("alice", pw("new password"));
        assertThat(store.authenticate("alice", pw("old password"))).isEmpty();
        assertThat(store.authenticate("alice", pw("new password"))).isPresent();
        assertThatThrownBy(() -> store.changePassword("nobody", pw("new password")))
                .isInstanceOf(UnknownAccountException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> store.changePassword("alice", pw("short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8");
        assertThat(store.authenticate("alice", pw("new password"))).isPresent();
    }

    @Test
    void removesAccounts() {
        AccountStore store = open();
        store.add("alice", null, null, Role.EDITOR, pw("alice's password"));
        assertThat(store.remove("alice")).isTrue();
        assertThat(store.remove("alice")).isFalse();
        assertThat(store.remove(null)).isFalse();
        assertThat(store.find("alice")).isEmpty();
        assertThat(open().list()).isEmpty();
    }

    @Test
    void refusesATakenNameEvenInAnotherCase() {
        AccountStore store = open();
        store.add("alice", null, null, Role.EDITOR, pw("alice's password"));
        assertThatThrownBy(() -> store.add("alice", null, null, Role.READER, pw("another password")))
                .isInstanceOf(AccountExistsException.class).hasMessageContaining("alice");
        assertThatThrownBy(() -> store.add("Alice", null, null, Role.READER, pw("another password")))
                .isInstanceOf(AccountExistsException.class);
        assertThat(store.list()).hasSize(1);
        assertThat(store.find("alice").orElseThrow().role()).isEqualTo(Role.EDITOR);
    }

    @Test
    void refusesInvalidNamesAndShortPasswordsWithoutWriting() {
        AccountStore store = open();
        for (String bad : List.of("../x", "", "a".repeat(65), "with space", ".hidden")) {
            assertThatThrownBy(() -> store.add(bad, null, null, Role.READER, pw("good password")))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.add("alice", null, null, Role.READER, pw("short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> store.add("alice", null, "not-an-email", Role.READER, pw("good password")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void theFileIsJsonWithHashesNotPasswords() throws Exception {
        open().add("alice", "Alice", "alice@example.org", Role.EDITOR, pw("plaintext secret"));
        String text = Files.readString(data.resolve("users.json"));
        assertThat(text).doesNotContain("plaintext secret");
        JsonNode user = new ObjectMapper().readTree(text).get("users").get(0);
        assertThat(user.get("name").asText()).isEqualTo("alice");
        assertThat(user.get("displayName").asText()).isEqualTo("Alice");
        assertThat(user.get("email").asText()).isEqualTo("alice@example.org");
        assertThat(user.get("role").asText()).isEqualTo("editor");
        assertThat(user.get("passwordHash").asText()).startsWith("$2b$04$");
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        assumeThat(data.getFileSystem().supportedFileAttributeViews()).contains("posix");
        // Even a file someone made world-readable becomes owner-only at the next change.
        Files.writeString(data.resolve("users.json"), "{\"users\":[]}");
        Files.setPosixFilePermissions(data.resolve("users.json"), PosixFilePermissions.fromString("rw-r--r--"));
        open().add("alice", null, null, Role.EDITOR, pw("alice's password"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("users.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws Exception {
        AccountStore store = open();
        store.add("alice", null, null, Role.EDITOR, pw("alice's password"));
        store.add("bob", null, null, Role.EDITOR, pw("bob's password"));
        store.changePassword("alice", pw("another password"));
        store.remove("bob");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("users.json", "users.json.lock");
        }
    }

    @Test
    void seesChangesMadeByAnotherProcess() {
        AccountStore server = open();
        AccountStore cli = open();
        assertThat(server.list()).isEmpty();
        cli.add("alice", null, null, Role.EDITOR, pw("alice's password"));
        assertThat(server.find("alice")).isPresent();
        assertThat(server.authenticate("alice", pw("alice's password"))).isPresent();
        cli.changePassword("alice", pw("changed password"));
        assertThat(server.authenticate("alice", pw("changed password"))).isPresent();
        cli.remove("alice");
        assertThat(server.find("alice")).isEmpty();
    }

    @Test
    void betweenChecksReadsComeFromMemoryButChangesNeverLoseOthersWork() {
        AccountStore server = AccountStore.open(data, HASHER, Duration.ofHours(1));
        AccountStore cli = open();
        cli.add("alice", null, null, Role.EDITOR, pw("alice's password"));
        assertThat(server.find("alice")).isEmpty();
        // A change re-reads the file under the lock, so alice is kept and then seen.
        server.add("bob", null, null, Role.EDITOR, pw("bob's password"));
        assertThat(server.list()).extracting(Account::name).containsExactly("alice", "bob");
        assertThat(open().list()).extracting(Account::name).containsExactly("alice", "bob");
    }

    @Test
    void concurrentChangesFromTwoStoresAreAllKept() throws Exception {
        AccountStore first = open();
        AccountStore second = open();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Account>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                AccountStore store = i % 2 == 0 ? first : second;
                String name = "user" + i;
                results.add(pool.submit(() -> store.add(name, null, null, Role.READER, pw("password " + name))));
            }
            for (Future<Account> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(open().list()).hasSize(20);
        assertThat(first.list()).hasSize(20);
    }

    @Test
    void aCorruptFileIsAClearErrorNamingTheFile() throws Exception {
        Path file = data.resolve("users.json");
        Files.writeString(file, "{\"users\": [ {\"name\": \"alice\", ");
        assertThatThrownBy(this::open)
                .isInstanceOf(AccountFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid");
    }

    @Test
    void anInvalidEntrySaysWhichOne() throws Exception {
        Path file = data.resolve("users.json");
        Files.writeString(file, "{\"users\":[{\"name\":\"alice\",\"role\":\"editor\",\"passwordHash\":\"$2b$04$x\"},"
                + "{\"name\":\"bob\",\"role\":\"owner\",\"passwordHash\":\"$2b$04$x\"}]}");
        assertThatThrownBy(this::open)
                .isInstanceOf(AccountFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("user #2")
                .hasMessageContaining("owner");
    }

    @Test
    void aFileDamagedWhileOpenFailsLoudlyAndIsNotOverwritten() throws Exception {
        AccountStore store = open();
        store.add("alice", null, null, Role.EDITOR, pw("alice's password"));
        Path file = data.resolve("users.json");
        Files.writeString(file, "garbage");
        assertThatThrownBy(() -> store.find("alice")).isInstanceOf(AccountFileException.class)
                .hasMessageContaining(file.toString());
        assertThatThrownBy(() -> store.authenticate("alice", pw("alice's password")))
                .isInstanceOf(AccountFileException.class);
        assertThatThrownBy(() -> store.add("bob", null, null, Role.EDITOR, pw("bob's password")))
                .isInstanceOf(AccountFileException.class);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("garbage");
        // Once someone restores the file, the store recovers by itself.
        Files.writeString(file, "{\"users\":[]}");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void anEmptyObjectIsAValidEmptyFile() throws Exception {
        Files.writeString(data.resolve("users.json"), "{}");
        assertThat(open().list()).isEmpty();
    }
}
