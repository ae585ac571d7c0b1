package org.clearinghouse.wiki;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;

/**
 * Page templates: ordinary wiki pages under {@value #FOLDER}/ (for example
 * {@code _templates/Career-Day-Toolkit}), edited and versioned like any page, and offered as the
 * starting text when someone creates a page. The {@code title:} line of the template's front matter
 * is replaced by the new page's name (hyphens shown as spaces); the rest is copied as it is.
 *
 * <p>Templates are kept out of the search index and the sitemap (they are scaffolding, not
 * content), and out of other pages' print packets; they stay in the list of all pages, so editors
 * can find and improve them.
 */
final class PageTemplates {
    static final String FOLDER = "_templates";
    private static final String PREFIX = FOLDER + "/";
    private static final Pattern TITLE_LINE = Pattern.compile("(?m)^title:[^\\n]*$");

    private PageTemplates() {}

    static boolean isTemplate(PagePath path) {
        return path.toString().startsWith(PREFIX);
    }

    /** The template folder itself or a template: where templates are the content. */
    static boolean inTemplateFolder(PagePath path) {
        return path.toString().equals(FOLDER) || isTemplate(path);
    }

    /** Every template, sorted by name. */
    static List<PageEntry> list(Snapshot snapshot) {
        return snapshot.pages().stream().filter(p -> isTemplate(p.path())).toList();
    }

    /**
     * The text a new page starts with: the named template (its name without the folder), or a
     * front matter holding only the title.
     *
     * @throws PageNotFoundException when there is no such template
     */
    static String startingText(Snapshot snapshot, PagePath page, Optional<String> template,
            Function<PagePath, String> markdown) {
        String title = page.displayName();
        if (template.isEmpty()) {
            return "---\ntitle: " + title + "\n---\n\n";
        }
        PagePath path = PagePath.tryOf(PREFIX + template.get())
                .filter(p -> snapshot.page(p).isPresent())
                .orElseThrow(() -> new PageNotFoundException("There is no page template " + template.get() + "."));
        String text = markdown.apply(path);
        if (!text.startsWith("---\n")) {
            return text;
        }
        int end = text.indexOf("\n---", 4);
        if (end < 0) {
            return text;
        }
        String frontMatter = TITLE_LINE.matcher(text.substring(0, end))
                .replaceFirst(Matcher.quoteReplacement("title: " + title));
        return frontMatter + text.substring(end);
    }
}
