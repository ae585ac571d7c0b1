package org.clearinghouse.render;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.page.PageMetadata;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
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
 * and deep-nesting attacks. Any error, or a document that is not a mapping, gives
 * {@link PageMetadata#EMPTY}; a field of the wrong shape is ignored.
 */
final class MetadataReader {

    /** Front matter beyond this many code points is not read (the page still hides it). */
    static final int MAX_CODE_POINTS = 64 * 1024;

    private MetadataReader() {}

    static PageMetadata read(String yaml) {
        if (yaml.isBlank() || yaml.length() > MAX_CODE_POINTS) {
            return PageMetadata.EMPTY;
        }
        try {
            Node root = newYaml().compose(new StringReader(yaml));
            return root instanceof MappingNode mapping ? fromMapping(mapping) : PageMetadata.EMPTY;
        } catch (RuntimeException | StackOverflowError e) {
            // Bad YAML is the author's problem, not the reader's: show the page without metadata.
            return PageMetadata.EMPTY;
        }
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(10);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // last one wins, as most YAML tools do
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    }

    private static PageMetadata fromMapping(MappingNode mapping) {
        Optional<String> title = Optional.empty();
        Optional<String> summary = Optional.empty();
        Optional<String> type = Optional.empty();
        List<String> tags = List.of();
        List<String> audience = List.of();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            Node value = tuple.getValueNode();
            switch (key.getValue().strip().toLowerCase(Locale.ROOT)) {
                case "title" -> title = text(value);
                case "summary" -> summary = text(value);
                case "type" -> type = text(value);
                case "tags" -> tags = list(value);
                case "audience" -> audience = list(value);
                default -> { }
            }
        }
        return new PageMetadata(title, summary, tags, audience, type);
    }

    /** A non-blank scalar, trimmed; a null, list or mapping counts as absent. */
    private static Optional<String> text(Node node) {
        if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(scalar.getTag())) {
            return Optional.empty();
        }
        String value = scalar.getValue().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A list of scalars, or one scalar with commas; trimmed, non-empty, without duplicates. */
    private static List<String> list(Node node) {
        Set<String> items = new LinkedHashSet<>();
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                text(item).ifPresent(items::add);
            }
        } else {
            text(node).ifPresent(value -> {
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
