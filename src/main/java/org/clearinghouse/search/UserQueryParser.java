package org.clearinghouse.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits what a visitor typed into a {@link UserQuery}. It never fails: anything it does not
 * understand becomes plain words, which analysis later reduces to nothing or to searchable
 * terms. It bounds the work a query can cause: the text is cut at {@value #MAX_LENGTH}
 * characters, at most {@value #MAX_PARTS} parts are kept, at most {@value #MAX_PREFIXES} of them
 * prefixes (each expands to many terms), and a prefix needs {@value #MIN_PREFIX} letters.
 * Leading wildcards and regular expressions do not exist here. Stateless; thread-safe.
 */
final class UserQueryParser {
    static final int MAX_LENGTH = 500;
    static final int MAX_PARTS = 32;
    static final int MAX_PREFIXES = 8;
    static final int MIN_PREFIX = 2;

    private UserQueryParser() {}

    static UserQuery parse(String raw) {
        String text = clean(raw);
        List<UserQuery.Part> parts = new ArrayList<>();
        int prefixes = 0;
        int i = 0;
        while (i < text.length() && parts.size() < MAX_PARTS) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-') {
                // A lone "-" (or "- word") excludes nothing: skip it as punctuation.
                if (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                excluded = true;
                i++;
            }
            if (text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? text.length() : close;
                String phrase = text.substring(i + 1, end).strip().replaceAll("\\s+", " ");
                if (!phrase.isEmpty()) {
                    parts.add(new UserQuery.Phrase(phrase, excluded));
                }
                i = close < 0 ? text.length() : close + 1;
                continue;
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                end++;
            }
            String token = text.substring(i, end);
            i = end;
            int colon = token.indexOf(':');
            String dimension = colon > 0 ? UserQuery.dimensionFor(token.substring(0, colon)) : null;
            if (dimension != null) {
                String value = token.substring(colon + 1);
                if (value.isEmpty() && i < text.length() && text.charAt(i) == '"') {
                    // tag:"career day": the value is the quoted text.
                    int close = text.indexOf('"', i + 1);
                    value = text.substring(i + 1, close < 0 ? text.length() : close);
                    i = close < 0 ? text.length() : close + 1;
                }
                String normal = PageDocument.facetValue(value);
                if (!normal.isEmpty()) {
                    parts.add(new UserQuery.Filter(dimension, normal, excluded));
                    continue;
                }
            }
            String prefix = prefixOf(token);
            if (prefix != null && !excluded && prefixes < MAX_PREFIXES) {
                parts.add(new UserQuery.Prefix(prefix));
                prefixes++;
            } else if (!token.isEmpty()) {
                // Wildcards left in a plain word are dropped by analysis: "*foo" searches "foo".
                parts.add(new UserQuery.Word(token, excluded));
            }
        }
        return new UserQuery(parts);
    }

    /** {@code word*} → "word" when the word is letters and digits, long enough; otherwise null. */
    private static String prefixOf(String token) {
        if (!token.endsWith("*")) {
            return null;
        }
        String core = token.replaceAll("\\*+$", "");
        if (core.codePointCount(0, core.length()) < MIN_PREFIX) {
            return null;
        }
        boolean word = core.codePoints().allMatch(Character::isLetterOrDigit);
        return word ? core.toLowerCase(Locale.ROOT) : null;
    }

    /**
     * The text cut to {@value #MAX_LENGTH} characters (never inside a surrogate pair), NFC, with
     * control, format and lone surrogate characters turned into spaces.
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = cut(raw);
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Cn}]", " ");
        return cut(text).strip();
    }

    private static String cut(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return text.substring(0, end);
    }
}
