package org.clearinghouse.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.clearinghouse.account.AccountFileException;
import org.clearinghouse.account.AccountStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every {@code user} subcommand shares: the {@code --data} option, opening the accounts and
 * turning the errors a person can fix (unknown user, taken name, bad role, short password,
 * damaged file) into one line on standard error and exit code {@value #FAILED}, without a stack
 * trace. Not thread-safe; one instance serves one command line.
 */
abstract class UserCommandBase implements Callable<Integer> {

    /** The exit code of a command that could not do what was asked. */
    static final int FAILED = 1;

    @ParentCommand
    UserCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CLEARINGHOUSE_DATA:-./data}",
            description = "Data folder holding users.json (CLEARINGHOUSE_DATA).")
    Path data;

    /** A failure whose message is all a person needs, e.g. a missing terminal. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    @Override
    public final Integer call() {
        try {
            execute();
            return 0;
        } catch (IllegalArgumentException | AccountFileException | Failure e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Error: " + e.getMessage());
            err.flush();
            return FAILED;
        } finally {
            spec.commandLine().getOut().flush();
        }
    }

    /** Does the command's work, printing results to {@link #out()}. */
    abstract void execute();

    /** The accounts of {@code --data}. */
    AccountStore store() {
        // No reload interval: this process does one thing and ends.
        return AccountStore.open(data, parent.hasher(), Duration.ZERO);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
