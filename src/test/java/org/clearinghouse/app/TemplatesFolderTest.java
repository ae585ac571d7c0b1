package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site restyles from a templates folder on disk without rebuilding. */
class TemplatesFolderTest {
    @TempDir
    Path dir;

    @Test
    void templatesAndStylesOnDiskReplaceTheBuiltInOnes() throws Exception {
        Path templates = dir.resolve("site/./templates");
        copy(Path.of("templates"), dir.resolve("site/templates"));
        Path layout = dir.resolve("site/templates/layout.peb");
        Files.writeString(layout, Files.readString(layout).replace("<footer class=\"site-footer\">",
                "<footer class=\"site-footer\"><p id=\"restyled\">Our own footer</p>"));
        Files.writeString(dir.resolve("site/templates/static/style.css"), "body { color: rebeccapurple; }");
        Files.createDirectories(dir.resolve("seed"));
        Files.writeString(dir.resolve("seed/Home.md"), "# Home\n");
        try (TestWiki wiki = TestWiki.startOn(dir, dir.resolve("seed"), templates)) {
            HttpResponse<String> home = wiki.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("<p id=\"restyled\">Our own footer</p>");
            assertThat(wiki.get("/wiki/Nope").body()).contains("Our own footer");
            assertThat(wiki.get("/static/style.css").body()).contains("rebeccapurple");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
