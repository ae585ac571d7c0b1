package org.clearinghouse.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.clearinghouse.page.PagePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a seed folder into the files of the first commit: every page ({@code *.md}) and every
 * attachment beside it whose path is a valid name. Hidden files and folders are skipped; a file
 * whose name breaks the naming rules is skipped with a warning rather than failing the start.
 */
final class SeedImporter {
    private static final Logger LOG = LoggerFactory.getLogger(SeedImporter.class);

    private SeedImporter() {}

    static Map<String, byte[]> read(Path seedDir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(seedDir)) {
            LOG.warn("Seed folder {} does not exist; starting with an empty wiki", seedDir);
            return files;
        }
        try (Stream<Path> walk = Files.walk(seedDir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String relative = seedDir.relativize(file).toString().replace('\\', '/');
                if (PagePath.tryOf(relative).isEmpty()) {
                    if (!isHidden(relative)) {
                        LOG.warn("Skipping seed file with an invalid name: {}", relative);
                    }
                    continue;
                }
                files.put(relative, Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static boolean isHidden(String relative) {
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
