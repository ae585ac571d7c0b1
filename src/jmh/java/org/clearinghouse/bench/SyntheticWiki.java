package org.clearinghouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.clearinghouse.page.Author;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.wiki.Wiki;
import org.clearinghouse.wiki.WikiLimits;

/**
 * A deterministic wiki for the micro-benchmarks: {@code pages} Markdown pages with front matter,
 * headings, lists, a table and wiki links among them, in a fresh bare repository with a search
 * and revision index, then {@code edits} saves skewed towards the first pages (page 0 is the most
 * edited) so that history has something to find. Kept in the temporary folder per size and
 * reopened by later trials. Not thread-safe; one per benchmark trial.
 */
final class SyntheticWiki implements AutoCloseable {
    static final Author AUTHOR = new Author("Bench Editor", "bench@example.org");
    private static final String[] WORDS = ("library librarian recruitment career student program scholarship "
            + "mentor school degree job event community profession workshop toolkit fair panel internship "
            + "candidate employer position application interview resume residency fellowship outreach "
            + "collection archive reference catalog committee director faculty partner volunteer cohort "
            + "network curriculum webinar booth handout brochure stipend tuition deadline diversity equity "
            + "inclusion pipeline workforce branch consortium association chapter conference keynote "
            + "palimpsest incunabula colophon marginalia vellum codicology paleography provenance").split(" ");

    final Path dir;
    final Wiki wiki;
    final List<PagePath> paths = new ArrayList<>();

    /**
     * The wiki of this size kept in the temporary folder by an earlier trial (a warm start), else
     * a new one built there (slow: every edit is a save).
     */
    static SyntheticWiki openOrBuild(int pages, int edits) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "clearinghouse-jmh-n" + pages + "-e" + edits);
        if (Files.exists(dir.resolve("complete"))) {
            return new SyntheticWiki(dir, pages);
        }
        if (Files.exists(dir)) {
            delete(dir);
        }
        SyntheticWiki built = new SyntheticWiki(dir, pages, edits);
        try {
            Files.writeString(dir.resolve("complete"), "built\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return built;
    }

    private SyntheticWiki(Path dir, int pages) {
        this.dir = dir;
        for (int i = 0; i < pages; i++) {
            paths.add(PagePath.of(name(i)));
        }
        ContentStore store = ContentStore.openOrSeed(dir.resolve("content.git"), dir.resolve("seed"));
        wiki = Wiki.open(store, new MarkdownRenderer(), WikiLimits.DEFAULT, Optional.of(dir.resolve("index")));
    }

    private SyntheticWiki(Path dir, int pages, int edits) {
        try {
            this.dir = dir;
            Path seed = dir.resolve("seed");
            Files.createDirectories(seed);
            Random random = new Random(1);
            for (int i = 0; i < pages; i++) {
                paths.add(PagePath.of(name(i)));
            }
            for (int i = 0; i < pages; i++) {
                Files.writeString(seed.resolve(name(i) + ".md"), page(i, pages, random));
            }
            ContentStore store = ContentStore.openOrSeed(dir.resolve("content.git"), seed);
            wiki = Wiki.open(store, new MarkdownRenderer(), WikiLimits.DEFAULT, Optional.of(dir.resolve("index")));
            for (int e = 0; e < edits; e++) {
                int target = (int) Math.min(pages - 1, Math.floor(Math.pow(random.nextDouble(), 3) * pages));
                PagePath path = paths.get(target);
                String text = wiki.view(path).markdown();
                wiki.save(path, text + "\nEdit " + e + " adds a " + word(random) + ".\n", "Edit " + e,
                        Optional.of(wiki.snapshot().page(path).orElseThrow().lastChange().id()), AUTHOR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(int i) {
        return "Recruiting-Page-" + i;
    }

    /** A page of about 3 KB, like the median page of the load benchmark's corpus. */
    static String page(int i, int pages, Random random) {
        StringBuilder text = new StringBuilder();
        text.append("---\ntitle: Recruiting page ").append(i).append("\ntags: [").append(word(random)).append(", ")
                .append(word(random)).append("]\naudience: [school, public]\ntype: toolkit\n---\n\n");
        for (int section = 0; section < 4; section++) {
            text.append("## ").append(capitalised(word(random))).append(' ').append(word(random)).append("\n\n");
            text.append(sentences(random, 4)).append("\n\n");
            for (int item = 0; item < 4; item++) {
                text.append("- **").append(word(random)).append("**: ").append(sentences(random, 1))
                        .append(" See [[").append(name(random.nextInt(pages))).append("]].\n");
            }
            text.append('\n');
        }
        text.append("| step | who | when |\n|---|---|---|\n");
        for (int row = 0; row < 3; row++) {
            text.append("| ").append(word(random)).append(" | ").append(word(random)).append(" | week ")
                    .append(row + 1).append(" |\n");
        }
        return text.toString();
    }

    private static String sentences(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < count; s++) {
            int words = 8 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                String word = word(random);
                text.append(w == 0 ? capitalised(word) : word).append(w == words - 1 ? ". " : " ");
            }
        }
        return text.toString().strip();
    }

    private static String word(Random random) {
        // Zipf-like: early words far more often than the rare tail.
        return WORDS[(int) Math.floor(Math.pow(random.nextDouble(), 2.5) * WORDS.length)];
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Closes the wiki and deletes its folder. */
    @Override
    public void close() {
        wiki.close();
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
