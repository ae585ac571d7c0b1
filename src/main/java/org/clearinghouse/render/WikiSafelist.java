package org.clearinghouse.render;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The allow-list of elements and attributes a page's HTML may keep: text formatting, lists,
 * tables, code, images, links, {@code details}/{@code summary}, footnotes and task-list
 * checkboxes. No script, style, iframe, object, embed, form or SVG; no event handler or style
 * attribute. Link and image URLs are judged by {@link UrlPolicy} rather than jsoup's protocol
 * list, which cannot express "only {@code /wiki/} among relative URLs". Immutable after
 * construction; share it between threads, only reading.
 */
final class WikiSafelist extends Safelist {

    WikiSafelist() {
        addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
                "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li",
                "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong",
                "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
                "ul", "var", "wbr");
        // class is limited to a short list of names by HtmlFixups before cleaning.
        addAttributes(":all", "title", "class");
        addAttributes("a", "href", "rel");
        addAttributes("img", "src", "alt", "width", "height");
        addAttributes("h1", "id");
        addAttributes("h2", "id");
        addAttributes("h3", "id");
        addAttributes("h4", "id");
        addAttributes("h5", "id");
        addAttributes("h6", "id");
        addAttributes("sup", "id"); // footnote references
        addAttributes("li", "id", "value"); // footnotes
        addAttributes("ol", "start");
        addAttributes("th", "align", "colspan", "rowspan");
        addAttributes("td", "align", "colspan", "rowspan");
        addAttributes("col", "span");
        addAttributes("details", "open");
        addAttributes("input", "type", "checked", "disabled", "aria-label"); // task lists; see HtmlFixups
        // No protocols are registered, so jsoup does not rewrite URLs; keep them as written.
        preserveRelativeLinks(true);
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
        if (!super.isSafeAttribute(tagName, element, attribute)) {
            return false;
        }
        String key = attribute.getKey();
        if (key.equals("href") || key.equals("src")) {
            return UrlPolicy.allowed(attribute.getValue());
        }
        return true;
    }
}
