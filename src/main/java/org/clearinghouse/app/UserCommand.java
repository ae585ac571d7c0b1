package org.clearinghouse.app;

import java.io.InputStream;
import java.util.Map;
import org.clearinghouse.account.PasswordHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code user}: manages the accounts in {@code DATA/users.json}. Safe to run while the server is
 * up: the server notices the changed file within a second. The subcommands do the work; this
 * class holds what they share (standard input, the environment, the bcrypt cost), each settable
 * so tests can run the commands in-process. Not thread-safe; one instance serves one command line.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage user accounts (DATA/users.json). Safe while the server runs.",
        subcommands = {UserCommandAdd.class, UserCommandPasswd.class, UserCommandRemove.class,
                UserCommandList.class})
final class UserCommand implements Runnable {

    /** Lowers (or raises) the bcrypt cost of new hashes, e.g. 4 for fast tests. */
    static final String COST_VARIABLE = "CLEARINGHOUSE_BCRYPT_COST";
    static final int LOWEST_COST = 4;
    static final int HIGHEST_COST = 16;

    @Spec
    CommandSpec spec;

    /** Where {@code --password-stdin} reads; null means {@link System#in} at the time of reading. */
    InputStream input;

    /** The environment variables; null means {@link System#getenv()}. */
    Map<String, String> environment;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    InputStream input() {
        return input != null ? input : System.in;
    }

    /** A password hasher at the cost chosen by {@value #COST_VARIABLE}. */
    PasswordHasher hasher() {
        return new PasswordHasher(bcryptCost(environment != null ? environment : System.getenv()));
    }

    /**
     * The bcrypt cost set by {@value #COST_VARIABLE} in {@code environment}, from 4 to 16, or
     * {@link PasswordHasher#DEFAULT_COST} when unset. The one place the variable is read.
     *
     * @throws IllegalArgumentException when the variable is set to anything else
     */
    static int bcryptCost(Map<String, String> environment) {
        String value = environment.get(COST_VARIABLE);
        if (value == null || value.isBlank()) {
            return PasswordHasher.DEFAULT_COST;
        }
        try {
            int cost = Integer.parseInt(value.strip());
            if (cost >= LOWEST_COST && cost <= HIGHEST_COST) {
                return cost;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below, which says what is accepted.
        }
        throw new IllegalArgumentException(COST_VARIABLE + " must be a number from " + LOWEST_COST
                + " to " + HIGHEST_COST + ", not '" + value + "'");
    }
}
