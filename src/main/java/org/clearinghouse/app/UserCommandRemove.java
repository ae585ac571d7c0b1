package org.clearinghouse.app;

import org.clearinghouse.account.UnknownAccountException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code user remove NAME}: deletes an account. Pages the user edited keep their history. Not
 * thread-safe; one instance serves one command line.
 */
@Command(name = "remove", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Remove a user account. Their edits stay in the page history.")
final class UserCommandRemove extends UserCommandBase {

    @Parameters(index = "0", paramLabel = "NAME", description = "Login name of the user.")
    String name;

    @Override
    void execute() {
        if (!store().remove(name)) {
            throw new UnknownAccountException(name);
        }
        out().println("Removed user " + name);
    }
}
