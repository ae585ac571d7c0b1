package org.clearinghouse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Seed folders for the browser tests: the bundled content/, plus a few pages of a test's own. */
final class Seeds {
    /** A page with a link to a page nobody has written yet: the editor's starting point. */
    static final String EVENTS = """
            ---
            title: Upcoming Events
            summary: Career fairs and talks the Assembly is planning this year.
            tags: [career-day, events]
            audience: [all]
            type: guide
            ---

            ## This spring

            - [[Spring-Career-Fair-2026|Spring career fair at Lincoln High]]: the page is still to be written.
            - A talk for the education faculty, date to be agreed.
            """;

    private Seeds() {}

    /** Adds an account with a person's name (shown in the screenshots) before the wiki starts. */
    static void account(Path dir, String name, String displayName, String password) {
        org.clearinghouse.account.AccountStore.open(dir.resolve("data"),
                org.clearinghouse.account.PasswordHasher.forTests())
                .add(name, displayName, name + "@example.org", org.clearinghouse.account.Role.EDITOR,
                        password.toCharArray());
    }

    /** Copies content/ into {@code dir/seed}, adds {@code extra} (repository path to text), answers the folder. */
    static Path bundledContentWith(Path dir, Map<String, String> extra) {
        Path seed = dir.resolve("seed");
        Path source = Path.of("content");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = seed.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
            for (Map.Entry<String, String> page : extra.entrySet()) {
                Path target = seed.resolve(page.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, page.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seed;
    }
}
