package org.clearinghouse.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clearinghouse} command: its subcommands do the work. */
@Command(name = "clearinghouse", mixinStandardHelpOptions = true, version = "Clearinghouse 0.1",
        description = "A Git-backed wiki for a recruitment clearinghouse.",
        subcommands = {ServeCommand.class, ReindexCommand.class, UserCommand.class, ExportCommand.class,
                ImportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line of every subcommand; options naming a choice take it in any case ({@code --only search}). */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
