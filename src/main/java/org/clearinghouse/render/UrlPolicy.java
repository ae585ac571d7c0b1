package org.clearinghouse.render;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sanitizer's rule for {@code href} and {@code src} values, applied to the final HTML after
 * entities are decoded: only {@code http:}, {@code https:}, {@code mailto:}, wiki paths
 * ({@code /wiki/...}) and same-page fragments ({@code #...}). Anything with a space, a control
 * character or a backslash is refused outright, because browsers strip or reinterpret those
 * ({@code java\tscript:}, {@code /\evil.com}); so are dot segments that would climb out of
 * {@code /wiki/}. Stateless and thread-safe.
 */
final class UrlPolicy {

    private static final Pattern DOT_SEGMENT =
            Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)", Pattern.CASE_INSENSITIVE);

    private UrlPolicy() {}

    static boolean allowed(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        if (url.startsWith("#")) {
            return true;
        }
        if (url.startsWith("/wiki/")) {
            int end = url.length();
            for (char c : new char[] {'?', '#'}) {
                int at = url.indexOf(c);
                end = at >= 0 ? Math.min(end, at) : end;
            }
            return !DOT_SEGMENT.matcher(url.substring("/wiki/".length(), end)).find();
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
    }

    /** Whether a link leaves the wiki, and so gets {@code rel="nofollow noopener"}. */
    static boolean external(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
