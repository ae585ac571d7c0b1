package org.clearinghouse.render;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.page.InvalidFrontMatterException;
import org.clearinghouse.page.PageMetadata;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads {@link PageMetadata} from front matter YAML with SnakeYAML, safely. Thread-safe
 * (a new {@link Yaml} per call, since SnakeYAML's are not).
 *
 * <p>Only the YAML node tree is composed; no Java object is ever constructed from it, so no tag
 * can instantiate anything and scalars keep the text the author wrote ({@code title: No} stays
 * "No" instead of YAML 1.1's {@code false}). Size, nesting and alias limits stop "billion laughs"
 * and deep-nesting attacks. Reading is lenient ({@link #read}: errors give
 * {@link PageMetadata#EMPTY}, fields of the wrong shape are ignored); checking before a save is
 * strict ({@link #check}: the same problems are reported).
 */
final class MetadataReader {

    /** Front matter beyond this many characters is not read (the page still hides it). */
    static final int MAX_CHARS = 64 * 1024;

    private MetadataReader() {}

    /** The metadata; {@link PageMetadata#EMPTY} for unreadable YAML. Never throws. */
    static PageMetadata read(String yaml) {
        try {
            return parse(yaml, false);
        } catch (RuntimeException | StackOverflowError e) {
            // Bad YAML is the author's problem, not the reader's: show the page without metadata.
            return PageMetadata.EMPTY;
        }
    }

    /** @throws InvalidFrontMatterException naming the problem, for YAML a save must not store */
    static void check(String yaml) {
        try {
            parse(yaml, true);
        } catch (MarkedYAMLException e) {
            // +2: YAML line 0 is the file's line 2, after the opening "---".
            String line = e.getProblemMark() == null ? "" : " (line " + (e.getProblemMark().getLine() + 2) + ")";
            throw new InvalidFrontMatterException("The front matter is not valid YAML: " + e.getProblem() + line + ".");
        } catch (InvalidFrontMatterException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidFrontMatterException("The front matter is not valid YAML: " + e.getMessage());
        }
    }

    private static PageMetadata parse(String yaml, boolean strict) {
        if (yaml.length() > MAX_CHARS) {
            throw new InvalidFrontMatterException("The front matter is larger than " + MAX_CHARS / 1024 + " KiB.");
        }
        if (yaml.isBlank()) {
            return PageMetadata.EMPTY;
        }
        Node root = newYaml().compose(new StringReader(yaml));
        if (root == null) {
            return PageMetadata.EMPTY; // only comments
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new InvalidFrontMatterException(
                    "The front matter must be fields such as \"title: ...\", one per line.");
        }
        return new Fields(strict).read(mapping);
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(10);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // last one wins, as most YAML tools do
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    }

    /** Turns the known fields of the mapping into metadata; in strict mode, wrong shapes throw. */
    private record Fields(boolean strict) {

        PageMetadata read(MappingNode mapping) {
            Optional<String> title = Optional.empty();
            Optional<String> summary = Optional.empty();
            Optional<String> type = Optional.empty();
            List<String> tags = List.of();
            List<String> audience = List.of();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                String name = key.getValue().strip().toLowerCase(Locale.ROOT);
                Node value = tuple.getValueNode();
                switch (name) {
                    case "title" -> title = text(name, value);
                    case "summary" -> summary = text(name, value);
                    case "type" -> type = text(name, value);
                    case "tags" -> tags = list(name, value);
                    case "audience" -> audience = list(name, value);
                    default -> { }
                }
            }
            return new PageMetadata(title, summary, tags, audience, type);
        }

        /** A non-blank scalar, trimmed; null counts as absent; a list or mapping is wrong. */
        private Optional<String> text(String field, Node node) {
            if (!(node instanceof ScalarNode scalar)) {
                if (strict) {
                    throw new InvalidFrontMatterException("The front matter field \"" + field
                            + "\" must be a single piece of text, not a list or a group of fields.");
                }
                return Optional.empty();
            }
            String value = Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        /** A list of scalars, or one scalar with commas; trimmed, non-empty, without duplicates. */
        private List<String> list(String field, Node node) {
            Set<String> items = new LinkedHashSet<>();
            if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    text(field, item).ifPresent(items::add);
                }
            } else {
                text(field, node).ifPresent(value -> {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            items.add(part.strip());
                        }
                    }
                });
            }
            return new ArrayList<>(items);
        }
    }
}
