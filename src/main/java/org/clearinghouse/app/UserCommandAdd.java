package org.clearinghouse.app;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.clearinghouse.account.Account;
import org.clearinghouse.account.AccountExistsException;
import org.clearinghouse.account.AccountFields;
import org.clearinghouse.account.AccountStore;
import org.clearinghouse.account.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code user add NAME --role ROLE}: creates an account. Checks the name, role, e-mail and that
 * the name is free before asking for the password, so a typo does not cost typing it twice.
 * Not thread-safe; one instance serves one command line.
 */
@Command(name = "add", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Add a user account. The password is asked for twice at the terminal, "
                + "or read as one line from standard input with --password-stdin.")
final class UserCommandAdd extends UserCommandBase {

    @Parameters(index = "0", paramLabel = "NAME",
            description = "Login name: letters, digits, '-', '_' and '.', at most 64.")
    String name;

    // A String, not a Role: a bad value then gets our one-line message instead of the usage text.
    @Option(names = "--role", required = true, paramLabel = "reader|editor|admin",
            description = "What the user may do: reader, editor or admin.")
    String role;

    @Option(names = "--email", paramLabel = "E", description = "E-mail address (optional).")
    String email;

    @Option(names = "--name", paramLabel = "DISPLAY_NAME",
            description = "Name shown to people, e.g. in page history (default: NAME).")
    String displayName;

    @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
    boolean passwordStdin;

    @Override
    void execute() {
        AccountFields.name(name);
        Role parsedRole = Role.parse(role);
        AccountFields.displayName(displayName, name);
        AccountFields.email(email);
        createDataFolder();
        AccountStore store = store();
        if (store.find(name).isPresent()) {
            throw new AccountExistsException(name);
        }
        char[] password = UserCommandPasswords.read(passwordStdin, parent.input(), name);
        try {
            Account account = store.add(name, displayName, email, parsedRole, password);
            out().println("Added user " + account.name() + " (" + account.role().id() + ") to " + store.file());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void createDataFolder() {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new Failure("Could not create the data folder " + data + ": " + e.getMessage());
        }
    }
}
