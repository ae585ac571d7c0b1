package org.clearinghouse.app;

import java.util.Arrays;
import org.clearinghouse.account.AccountStore;
import org.clearinghouse.account.UnknownAccountException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code user passwd NAME}: sets a new password for an existing account. Not thread-safe; one
 * instance serves one command line.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Set a new password for a user. It is asked for twice at the terminal, "
                + "or read as one line from standard input with --password-stdin.")
final class UserCommandPasswd extends UserCommandBase {

    @Parameters(index = "0", paramLabel = "NAME", description = "Login name of the user.")
    String name;

    @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
    boolean passwordStdin;

    @Override
    void execute() {
        AccountStore store = store();
        // Checked before asking, so nobody types a password twice for a misspelt name.
        if (store.find(name).isEmpty()) {
            throw new UnknownAccountException(name);
        }
        char[] password = UserCommandPasswords.read(passwordStdin, parent.input(), name);
        try {
            store.changePassword(name, password);
            out().println("Changed the password of " + name);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
