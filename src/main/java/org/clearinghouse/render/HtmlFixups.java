package org.clearinghouse.render;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Narrows what the allow-list lets through, on the parsed HTML just before it is cleaned:
 * classes are limited to the few the wiki's stylesheet gives meaning to (so a page cannot dress
 * itself up as the wiki's own interface), ids other than headings' are limited to footnote
 * anchors (headings get theirs from {@link HeadingIds}), an {@code input} survives only as a
 * disabled checkbox (a task-list item, named by its text for screen readers), and links that
 * leave the wiki get {@code rel="nofollow noopener"}.
 * Stateless and thread-safe.
 */
final class HtmlFixups {

    private static final Set<String> CLASSES = Set.of("missing", "task-list-item",
            "task-list-item-checkbox", "footnotes", "footnote-ref", "footnote-backref");
    private static final Pattern FOOTNOTE_ID = Pattern.compile("fn(ref)?-\\d{1,6}(-\\d{1,6})?");
    private static final Pattern LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.\\-]{1,40}");
    private static final int MAX_TASK_LABEL = 150;

    private HtmlFixups() {}

    static void apply(Element body) {
        for (Element element : body.select("[class]")) {
            keepKnownClasses(element);
        }
        for (Element element : body.select("[id]")) {
            if (!element.is(HeadingIds.HEADINGS) && !FOOTNOTE_ID.matcher(element.id()).matches()) {
                element.removeAttr("id");
            }
        }
        for (Element input : body.select("input")) {
            if (!input.attr("type").equalsIgnoreCase("checkbox")) {
                input.remove();
                continue;
            }
            boolean checked = input.hasAttr("checked");
            input.clearAttributes();
            input.attr("type", "checkbox");
            if (checked) {
                input.attr("checked", true);
            }
            input.attr("disabled", true);
            input.addClass("task-list-item-checkbox");
            // Screen readers name the checkbox by its task, as a wrapping label would.
            input.attr("aria-label", taskText(input));
        }
        for (Element link : body.select("a")) {
            link.removeAttr("rel");
            if (UrlPolicy.external(link.attr("href").strip())) {
                link.attr("rel", "nofollow noopener");
            }
        }
    }

    /** The words of a task-list item after its checkbox, up to the first nested block. */
    static String taskText(Element checkbox) {
        StringBuilder text = new StringBuilder();
        for (Node sibling = checkbox.nextSibling(); sibling != null && text.length() < MAX_TASK_LABEL;
                sibling = sibling.nextSibling()) {
            if (sibling instanceof TextNode t) {
                text.append(t.text());
            } else if (sibling instanceof Element e) {
                if (e.isBlock()) {
                    break;
                }
                text.append(e.text());
            }
        }
        String label = text.toString().replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
        if (label.length() > MAX_TASK_LABEL) {
            label = label.substring(0, MAX_TASK_LABEL).strip() + "…";
        }
        return label.isEmpty() ? "Task" : label;
    }

    private static void keepKnownClasses(Element element) {
        Set<String> kept = new LinkedHashSet<>();
        for (String name : element.classNames()) {
            if (CLASSES.contains(name) || LANGUAGE.matcher(name).matches()) {
                kept.add(name);
            }
        }
        if (kept.isEmpty()) {
            element.removeAttr("class");
        } else {
            element.classNames(kept);
        }
    }
}
