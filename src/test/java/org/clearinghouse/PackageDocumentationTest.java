package org.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package says what it is for and what it must not import, in its package-info.java. */
class PackageDocumentationTest {

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Path root = Path.of("src/main/java");
        List<Path> packages;
        try (Stream<Path> walk = Files.walk(root)) {
            packages = walk.filter(Files::isDirectory)
                    .filter(dir -> hasJavaFiles(dir))
                    .toList();
        }
        assertThat(packages).isNotEmpty();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as(dir.toString()).exists();
            assertThat(Files.readString(info)).as(dir.toString()).containsIgnoringCase("must not");
        }
    }

    private static boolean hasJavaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
