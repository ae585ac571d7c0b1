package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.clearinghouse.account.AccountStore;
import org.clearinghouse.account.PasswordHasher;
import org.clearinghouse.account.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code clearinghouse user ...} in-process, with standard input and output captured. */
class UserCommandTest {

    @TempDir
    Path temp;

    private String out;
    private String err;

    private int run(String stdin, String... args) {
        CommandLine cli = new CommandLine(new Main());
        UserCommand user = (UserCommand) cli.getSubcommands().get("user").getCommand();
        user.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        // The cheapest bcrypt cost, through the same variable a person would set.
        user.environment = Map.of(UserCommand.COST_VARIABLE, "4");
        CommandRun run = CommandRun.of(cli, args);
        out = run.out();
        err = run.err();
        return run.exit();
    }

    private String data() {
        return temp.resolve("data").toString();
    }

    private AccountStore store() {
        return AccountStore.open(temp.resolve("data"), PasswordHasher.forTests(), Duration.ZERO);
    }

    @Test
    void addThenListShowsTheUserButNoHash() {
        int exit = run("s3cret-password\n", "user", "add", "alice", "--role", "Editor", "--email",
                "alice@example.org", "--name", "Alice Liddell", "--password-stdin", "--data", data());
        assertThat(exit).as(err).isZero();
        assertThat(out).contains("Added user alice (editor)");
        assertThat(err).isEmpty();
        assertThat(temp.resolve("data/users.json")).exists();

        assertThat(run("", "user", "list", "--data", data())).isZero();
        assertThat(out).contains("NAME", "DISPLAY NAME", "EMAIL", "ROLE")
                .contains("alice", "Alice Liddell", "alice@example.org", "editor")
                .doesNotContain("$2").doesNotContain("s3cret");
        assertThat(store().authenticate("alice", "s3cret-password".toCharArray())).isPresent();
        assertThat(store().find("alice").orElseThrow().passwordHash()).startsWith("$2b$04$");
    }

    @Test
    void theDisplayNameDefaultsToTheNameAndWindowsLineEndsAreStripped() {
        assertThat(run("password1\r\n", "user", "add", "bob", "--role", "admin", "--password-stdin",
                "--data", data())).as(err).isZero();
        assertThat(store().find("bob").orElseThrow().displayName()).isEqualTo("bob");
        assertThat(store().find("bob").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(store().authenticate("bob", "password1".toCharArray())).isPresent();
    }

    @Test
    void passwdChangesThePassword() {
        run("old-password\n", "user", "add", "alice", "--role", "reader", "--password-stdin", "--data", data());
        assertThat(run("new-password\n", "user", "passwd", "alice", "--password-stdin", "--data", data()))
                .as(err).isZero();
        assertThat(out).contains("Changed the password of alice");
        assertThat(store().authenticate("alice", "new-password".toCharArray())).isPresent();
        assertThat(store().authenticate("alice", "old-password".toCharArray())).isEmpty();
    }

    @Test
    void removeDeletesTheUser() {
        run("password1\n", "user", "add", "alice", "--role", "reader", "--password-stdin", "--data", data());
        assertThat(run("", "user", "remove", "alice", "--data", data())).isZero();
        assertThat(out).contains("Removed user alice");
        assertThat(store().find("alice")).isEmpty();
        assertThat(run("", "user", "list", "--data", data())).isZero();
        assertThat(out).contains("No users");
    }

    @Test
    void aBadRoleIsOneLineOnStandardError() {
        int exit = run("password1\n", "user", "add", "alice", "--role", "owner", "--password-stdin", "--data", data());
        assertThat(exit).isNotZero();
        assertThat(err.strip()).contains("owner", "reader, editor or admin").doesNotContain("Exception")
                .doesNotContain("\n");
        assertThat(out).isEmpty();
        assertThat(temp.resolve("data/users.json")).doesNotExist();
    }

    @Test
    void aDuplicateNameFails() {
        run("password1\n", "user", "add", "alice", "--role", "reader", "--password-stdin", "--data", data());
        int exit = run("password2\n", "user", "add", "alice", "--role", "admin", "--password-stdin", "--data", data());
        assertThat(exit).isNotZero();
        assertThat(err).contains("alice", "already exists").doesNotContain("Exception");
        assertThat(store().find("alice").orElseThrow().role()).isEqualTo(Role.READER);
    }

    @Test
    void aShortPasswordFails() {
        int exit = run("short\n", "user", "add", "alice", "--role", "reader", "--password-stdin", "--data", data());
        assertThat(exit).isNotZero();
        assertThat(err).contains("at least 8").doesNotContain("Exception");
        assertThat(store().find("alice")).isEmpty();
    }

    @Test
    void anInvalidNameFails() {
        int exit = run("password1\n", "user", "add", "../x", "--role", "reader", "--password-stdin", "--data", data());
        assertThat(exit).isNotZero();
        assertThat(err).contains("Invalid account name").doesNotContain("Exception");
    }

    @Test
    void unknownUsersFail() {
        assertThat(run("password1\n", "user", "passwd", "nobody", "--password-stdin", "--data", data())).isNotZero();
        assertThat(err).contains("nobody").doesNotContain("Exception");
        assertThat(run("", "user", "remove", "nobody", "--data", data())).isNotZero();
        assertThat(err).contains("nobody").doesNotContain("Exception");
    }

    @Test
    void emptyStandardInputFails() {
        int exit = run("", "user", "add", "alice", "--role", "reader", "--password-stdin", "--data", data());
        assertThat(exit).isNotZero();
        assertThat(err).contains("No password on standard input");
    }

    @Test
    void withoutATerminalOrPasswordStdinItSaysSo() {
        assumeThat(System.console()).isNull();
        int exit = run("", "user", "add", "alice", "--role", "reader", "--data", data());
        assertThat(exit).isNotZero();
        assertThat(err).contains("--password-stdin").doesNotContain("Exception");
    }

    @Test
    void aDamagedAccountsFileIsReportedByName() throws Exception {
        Files.createDirectories(temp.resolve("data"));
        Files.writeString(temp.resolve("data/users.json"), "not json");
        assertThat(run("", "user", "list", "--data", data())).isNotZero();
        assertThat(err).contains("users.json").doesNotContain("Exception:");
    }

    @Test
    void aBadCostVariableIsAClearError() {
        CommandLine cli = new CommandLine(new Main());
        UserCommand user = (UserCommand) cli.getSubcommands().get("user").getCommand();
        user.environment = Map.of(UserCommand.COST_VARIABLE, "99");
        user.input = new ByteArrayInputStream("password1\n".getBytes(StandardCharsets.UTF_8));
        StringWriter errText = new StringWriter();
        cli.setErr(new PrintWriter(errText));
        assertThat(cli.execute("user", "list", "--data", data())).isNotZero();
        assertThat(errText.toString()).contains(UserCommand.COST_VARIABLE, "4 to 16");
    }

    @Test
    void theCostVariableIsReadInOnePlace() {
        assertThat(UserCommand.bcryptCost(Map.of())).isEqualTo(PasswordHasher.DEFAULT_COST);
        assertThat(UserCommand.bcryptCost(Map.of(UserCommand.COST_VARIABLE, " 6 "))).isEqualTo(6);
    }

    @Test
    void helpListsTheSubcommandsAndTheDataVariable() {
        assertThat(run("", "user", "add", "--help")).isZero();
        assertThat(out).contains("--role", "--password-stdin", "--data", "CLEARINGHOUSE_DATA", "./data");
        assertThat(run("", "user")).isZero();
        assertThat(out).contains("add", "passwd", "remove", "list");
    }
}
