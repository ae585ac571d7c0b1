package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void serveHelpShowsEveryOptionWithItsEnvironmentVariable() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("serve", "--help");
        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("--port", "CLEARINGHOUSE_PORT", "8080")
                .contains("--data", "CLEARINGHOUSE_DATA", "./data")
                .contains("--seed", "CLEARINGHOUSE_SEED", "./content")
                .contains("--templates", "CLEARINGHOUSE_TEMPLATES", "./templates");
    }

    @Test
    void optionsOnTheCommandLineAreParsed() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "9999", "--data", "/tmp/x", "--seed", "s", "--templates", "t");
        assertThat(serve.port).isEqualTo(9999);
        assertThat(serve.data.toString()).isEqualTo("/tmp/x");
        assertThat(serve.seed.toString()).isEqualTo("s");
        assertThat(serve.templates.toString()).isEqualTo("t");
    }

    @Test
    void reindexTakesTheIndexesToRebuildInAnyCase() {
        CommandLine cli = Main.commandLine();
        ReindexCommand reindex = cli.getSubcommands().get("reindex").getCommand();
        cli.parseArgs("reindex", "--only", "Search");
        assertThat(reindex.only).containsExactly(org.clearinghouse.wiki.Rebuild.SEARCH);
        cli.parseArgs("reindex", "--only", "search,history,pages");
        assertThat(reindex.only).containsExactlyInAnyOrder(org.clearinghouse.wiki.Rebuild.values());
    }

    @Test
    void reindexRefusesAnUnknownIndexNamingTheChoices() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("reindex", "--only", "everything")).isNotZero();
        assertThat(err.toString()).contains("--only", "SEARCH", "HISTORY", "PAGES").doesNotContain("Exception");
    }

    @Test
    void aBadOptionIsAClearErrorNotAStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("serve", "--port", "not-a-number")).isNotZero();
        assertThat(err.toString()).contains("--port").doesNotContain("Exception");
    }
}
