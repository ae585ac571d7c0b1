package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whether a whole HTML response, as a browser's HTML5 parser reads it, could run anything: the
 * only scripts are the site's own files under {@code /static/}; no element has an event handler,
 * a style, or a URL other than a same-site path, a fragment, http(s) or mailto; no element that
 * embeds, frames, re-bases or refreshes the page. Written independently of the sanitizer's rules,
 * so it checks them rather than repeating them. Stateless.
 */
final class InertHtml {
    private static final Set<String> FORBIDDEN = Set.of("iframe", "frame", "frameset", "object", "embed", "applet",
            "base", "svg", "math", "style", "noscript", "template", "portal", "xmp", "plaintext", "isindex");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data",
            "poster", "background", "cite", "longdesc", "xlink:href", "srcdoc", "lowsrc", "dynsrc", "ping");

    private InertHtml() {}

    /** Fails, naming the element, when {@code html} holds anything a browser could execute. */
    static void assertInert(String html, String context) {
        Document document = Jsoup.parse(html);
        for (Element element : document.getAllElements()) {
            String tag = element.normalName();
            assertThat(FORBIDDEN).as("<%s> in %s", tag, context).doesNotContain(tag);
            if (tag.equals("script")) {
                assertThat(element.attr("src")).as("script in %s: %s", context, element).startsWith("/static/");
                assertThat(element.data()).as("inline script in %s", context).isEmpty();
            }
            if (tag.equals("meta")) {
                assertThat(element.hasAttr("http-equiv")).as("meta refresh in %s: %s", context, element).isFalse();
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as("attribute on <%s> in %s: %s", tag, context, element)
                        .doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcset");
                if (URL_ATTRIBUTES.contains(key)) {
                    assertThat(isSafeUrl(attribute.getValue())).as("%s=%s in %s", key, attribute.getValue(), context)
                            .isTrue();
                }
            }
        }
    }

    /** Same-site paths, fragments, queries, http(s) and mailto; nothing a browser would run. */
    static boolean isSafeUrl(String url) {
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\') || !url.equals(url.strip())) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("//")) {
            return false;
        }
        if (lower.startsWith("/") || lower.startsWith("#") || lower.startsWith("?")) {
            return true;
        }
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
    }
}
