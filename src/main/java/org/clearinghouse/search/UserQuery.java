package org.clearinghouse.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A search query as the visitor wrote it, split into its parts (in the order typed): words,
 * "phrases" (either may be excluded with a leading {@code -}), {@code prefix*} and facet filters.
 * Produced by {@link UserQueryParser}, so every part is already bounded and free of control
 * characters. Plain Java (no Lucene); immutable.
 */
record UserQuery(List<Part> parts) {

    /** One part of the query. */
    sealed interface Part permits Word, Phrase, Prefix, Filter {}

    /** A word as typed (analysis happens later); must match, or must not when excluded. */
    record Word(String text, boolean excluded) implements Part {}

    /** Words that must appear together in this order (or must not, when excluded). */
    record Phrase(String text, boolean excluded) implements Part {}

    /** The start of a word, lower-cased, without its {@code *}. */
    record Prefix(String text) implements Part {}

    /** A facet filter: dimension ({@code tags}, {@code audience} or {@code type}) and normalised value. */
    record Filter(String dimension, String value, boolean excluded) implements Part {}

    UserQuery {
        parts = List.copyOf(parts);
    }

    List<String> words() {
        return parts.stream().filter(p -> p instanceof Word w && !w.excluded()).map(p -> ((Word) p).text()).toList();
    }

    List<String> excludedWords() {
        return parts.stream().filter(p -> p instanceof Word w && w.excluded()).map(p -> ((Word) p).text()).toList();
    }

    List<String> phrases() {
        return parts.stream().filter(p -> p instanceof Phrase ph && !ph.excluded()).map(p -> ((Phrase) p).text())
                .toList();
    }

    List<String> excludedPhrases() {
        return parts.stream().filter(p -> p instanceof Phrase ph && ph.excluded()).map(p -> ((Phrase) p).text())
                .toList();
    }

    List<String> prefixes() {
        return parts.stream().filter(p -> p instanceof Prefix).map(p -> ((Prefix) p).text()).toList();
    }

    List<Filter> filters() {
        return parts.stream().filter(p -> p instanceof Filter).map(p -> (Filter) p).toList();
    }

    /**
     * The query written back as text, with words replaced by {@code corrections} (keyed by the
     * word as typed): what a "did you mean" link searches for.
     */
    String render(Map<String, String> corrections) {
        return parts.stream().map(part -> render(part, corrections)).collect(Collectors.joining(" "));
    }

    private static String render(Part part, Map<String, String> corrections) {
        if (part instanceof Word w) {
            return (w.excluded() ? "-" : "") + corrections.getOrDefault(w.text(), w.text());
        } else if (part instanceof Phrase p) {
            return (p.excluded() ? "-" : "") + '"' + p.text() + '"';
        } else if (part instanceof Prefix p) {
            return p.text() + "*";
        }
        Filter f = (Filter) part;
        String key = f.dimension().equals(PageFields.TAGS_DIM) ? "tag" : f.dimension();
        String value = f.value().contains(" ") ? '"' + f.value() + '"' : f.value();
        return (f.excluded() ? "-" : "") + key + ":" + value;
    }

    /** The dimension a filter keyword names ({@code tag}, {@code tags}, {@code audience}, {@code type}), or null. */
    static String dimensionFor(String keyword) {
        return switch (keyword.toLowerCase(Locale.ROOT)) {
            case "tag", "tags" -> PageFields.TAGS_DIM;
            case "audience" -> PageFields.AUDIENCE_DIM;
            case "type" -> PageFields.TYPE_DIM;
            default -> null;
        };
    }
}
