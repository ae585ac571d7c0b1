package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.wiki.Wiki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups as plain files: {@code export} writes the head into a folder, {@code import} commits one back. */
class ExportImportTest {
    private static final Map<String, String> SEED = Map.of(
            "Home.md", "---\ntitle: Home\ntags: [intro]\n---\nWelcome. See [[Career-Day/Planning]].\n",
            "Career-Day/Planning.md", "# Planning\n\nA month out: book the room.\n",
            "Career-Day/handout.txt", "Bring pens.\n");

    @TempDir
    Path dir;

    Path data;

    @BeforeEach
    void seed() throws Exception {
        Path seed = dir.resolve("seed");
        for (Map.Entry<String, String> file : SEED.entrySet()) {
            Files.createDirectories(seed.resolve(file.getKey()).getParent());
            Files.writeString(seed.resolve(file.getKey()), file.getValue());
        }
        data = dir.resolve("data");
        ContentStore.openOrSeed(data.resolve("content.git"), seed).close();
    }

    @Test
    void exportWritesEveryPageAndFileAndRefusesANonEmptyFolderUnlessForced() throws Exception {
        Path out = dir.resolve("backup");
        Result export = run("export", "--data", data.toString(), "--to", out.toString());
        assertThat(export.exit).as(export.err).isZero();
        assertThat(export.out).contains("Exported 2 pages and 1 files");
        for (Map.Entry<String, String> file : SEED.entrySet()) {
            assertThat(Files.readString(out.resolve(file.getKey()))).isEqualTo(file.getValue());
        }

        Result again = run("export", "--data", data.toString(), "--to", out.toString());
        assertThat(again.exit).isEqualTo(1);
        assertThat(again.err).contains("not empty").contains("--force").doesNotContain("Exception");
        Files.writeString(out.resolve("Home.md"), "scribbled over");
        assertThat(run("export", "--data", data.toString(), "--to", out.toString(), "--force").exit).isZero();
        assertThat(Files.readString(out.resolve("Home.md"))).isEqualTo(SEED.get("Home.md"));

        Result missing = run("export", "--data", dir.resolve("nowhere").toString(), "--to", dir.resolve("x").toString());
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err).contains("no content repository");
    }

    @Test
    void importCommitsTheFolderAsOneCommitByTheAuthor() throws Exception {
        Path folder = dir.resolve("edits");
        assertThat(run("export", "--data", data.toString(), "--to", folder.toString()).exit).isZero();
        Files.writeString(folder.resolve("Career-Day/Planning.md"), "# Planning\r\n\r\nTwo months out: book the room.\r\n");
        Files.writeString(folder.resolve("Mentoring.md"), "---\ntitle: Mentoring\n---\nPair up.\n");
        Files.write(folder.resolve("Career-Day/photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/config"), "hidden files are skipped");
        int before = EditLoad.commits(gitDir()).size();

        Result imported = run("import", "--data", data.toString(), "--from", folder.toString(),
                "--message", "Bulk edit from the committee", "--author", "Ann Smith <ann@example.org>");
        assertThat(imported.exit).as(imported.err).isZero();
        assertThat(imported.out).contains("Imported");
        assertThat(EditLoad.commits(gitDir())).hasSize(before + 1);
        assertThat(EditLoad.git(gitDir(), "log", "-1", "--format=%an <%ae>|%s"))
                .isEqualTo("Ann Smith <ann@example.org>|Bulk edit from the committee");
        assertThat(EditLoad.git(gitDir(), "show", "--name-only", "--format=", "HEAD").split("\n"))
                .containsExactlyInAnyOrder("Career-Day/Planning.md", "Career-Day/photo.png", "Mentoring.md");
        try (Wiki wiki = openWiki()) {
            assertThat(wiki.view(PagePath.of("Career-Day/Planning")).markdown())
                    .isEqualTo("# Planning\n\nTwo months out: book the room.\n");
            assertThat(wiki.view(PagePath.of("Mentoring")).title()).isEqualTo("Mentoring");
            assertThat(wiki.view(PagePath.of("Home")).markdown()).isEqualTo(SEED.get("Home.md"));
        }

        Result nothing = run("import", "--data", data.toString(), "--from", folder.toString());
        assertThat(nothing.exit).isZero();
        assertThat(nothing.out).contains("Nothing to import");
        assertThat(EditLoad.commits(gitDir())).hasSize(before + 1);
    }

    @Test
    void anyRefusedFileRefusesTheWholeImportAndNamesEachFile() throws Exception {
        Path folder = dir.resolve("bad");
        Files.createDirectories(folder.resolve("Ok"));
        Files.writeString(folder.resolve("Ok/Fine.md"), "# Fine\n");
        Files.writeString(folder.resolve("bad name.md"), "# Spaces are not allowed\n");
        Files.writeString(folder.resolve("Broken-Yaml.md"), "---\ntitle: [unclosed\n---\nBody\n");
        Files.writeString(folder.resolve("Huge.md"), "x".repeat(1024 * 1024 + 1));
        Files.write(folder.resolve("Latin1.md"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(folder.resolve("Ok/noextension"), "a file needs an extension");
        Files.createSymbolicLink(folder.resolve("Ok/passwd.txt"), Path.of("/etc/passwd"));
        String head = EditLoad.git(gitDir(), "rev-parse", "main");

        Result refused = run("import", "--data", data.toString(), "--from", folder.toString());
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err).contains("Nothing was imported").contains("6 files are not accepted")
                .contains("bad name.md:").contains("Broken-Yaml.md:").contains("Huge.md:").contains("Latin1.md:")
                .contains("Ok/noextension:").contains("Ok/passwd.txt:").doesNotContain("Ok/Fine.md")
                .doesNotContain("Exception");
        assertThat(EditLoad.git(gitDir(), "rev-parse", "main")).as("no partial commit").isEqualTo(head);

        Result badAuthor = run("import", "--data", data.toString(), "--from", folder.toString(), "--author", "nobody");
        assertThat(badAuthor.exit).isEqualTo(1);
        assertThat(badAuthor.err).contains("--author");
        Result noFolder = run("import", "--data", data.toString(), "--from", dir.resolve("absent").toString());
        assertThat(noFolder.exit).isEqualTo(1);
        assertThat(noFolder.err).contains("There is no folder");
    }

    @Test
    void anExportImportedIntoANewWikiGivesTheSameTree() throws Exception {
        Path folder = dir.resolve("backup");
        assertThat(run("export", "--data", data.toString(), "--to", folder.toString()).exit).isZero();
        Path empty = dir.resolve("empty-seed");
        Files.createDirectories(empty);
        Path other = dir.resolve("other");
        ContentStore.openOrSeed(other.resolve("content.git"), empty).close();
        assertThat(run("import", "--data", other.toString(), "--from", folder.toString()).exit).isZero();
        assertThat(EditLoad.git(other.resolve("content.git"), "rev-parse", "main^{tree}"))
                .isEqualTo(EditLoad.git(gitDir(), "rev-parse", "main^{tree}"));
    }

    @Test
    void anImportIntoARunningWikiShowsUpWithoutARestart() throws Exception {
        try (TestWiki wiki = TestWiki.startOn(dir.resolve("live"), dir.resolve("seed"))) {
            Path folder = dir.resolve("live-edits");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("Imported.md"), "# Imported while running\n\nA kiwifruit page.\n");
            Result imported = run("import", "--data", wiki.gitDir().getParent().toString(), "--from", folder.toString());
            assertThat(imported.exit).as(imported.err).isZero();
            long deadline = System.nanoTime() + 10_000_000_000L;
            // The page shows as soon as the snapshot moves; search follows a moment later.
            while ((wiki.get("/wiki/Imported").statusCode() != 200
                    || wiki.getJson("/api/v1/search?q=kiwifruit").get("total").asInt() == 0) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(wiki.get("/wiki/Imported").statusCode()).isEqualTo(200);
            assertThat(wiki.getJson("/api/v1/search?q=kiwifruit").get("total").asInt()).isEqualTo(1);
            // The running server still saves: the import left no lock behind and removed none of its.
            assertThat(Files.list(wiki.gitDir().resolve("refs/heads")).map(p -> p.getFileName().toString()).toList())
                    .isEqualTo(List.of("main"));
        }
    }

    private Wiki openWiki() {
        return Wiki.open(ContentStore.openExisting(gitDir()), new MarkdownRenderer());
    }

    private Path gitDir() {
        return data.resolve("content.git");
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
