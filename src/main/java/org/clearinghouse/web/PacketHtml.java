package org.clearinghouse.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearinghouse.page.PagePath;

/**
 * Joins the sanitized HTML of several pages into one document: each page's {@code id}s and
 * in-page links get a prefix (two pages may both have a "Contents" heading or a footnote 1), and
 * links to another page of the same document point at its section instead. Works on the
 * renderer's own output, where attributes are always written {@code name="value"} inside tags.
 */
final class PacketHtml {
    private static final Pattern ID = Pattern.compile("(<[a-zA-Z][a-zA-Z0-9]*\\b[^>]*?\\s)id=\"([^\"]*)\"");
    private static final Pattern FRAGMENT = Pattern.compile("(<a\\b[^>]*?\\s)href=\"#([^\"]*)\"");
    private static final Pattern WIKI_LINK = Pattern.compile("(<a\\b[^>]*?\\s)href=\"/wiki/([^\"#?]*)(#[^\"]*)?\"");

    private PacketHtml() {}

    static String rewrite(String html, String prefix, Map<PagePath, String> sections) {
        String out = replace(ID, html, m -> m.group(1) + "id=\"" + prefix + m.group(2) + "\"");
        out = replace(FRAGMENT, out, m -> m.group(1) + "href=\"#" + prefix + m.group(2) + "\"");
        return replace(WIKI_LINK, out, m -> {
            String section = PagePath.tryOf(m.group(2)).map(sections::get).orElse(null);
            if (section == null) {
                return m.group();
            }
            // A link to a heading of another page of the packet lands on that heading.
            String target = m.group(3) == null ? section : section + "-" + m.group(3).substring(1);
            return m.group(1) + "href=\"#" + target + "\"";
        });
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
