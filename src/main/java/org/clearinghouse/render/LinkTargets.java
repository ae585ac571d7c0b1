package org.clearinghouse.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearinghouse.page.PagePath;

/**
 * Decides where a Markdown link or image URL points, relative to the page it is on. The one
 * place that does it, so that rendering (hrefs, red links) and outlining (the link graph) can
 * never disagree. Thread-safe (stateless).
 *
 * <p>Rules: http, https and mailto stay as written; {@code #section} stays; any other scheme,
 * protocol-relative {@code //host}, backslashes and absolute paths outside {@code /wiki/} are
 * rejected. Everything else is a path in the wiki: relative paths (including {@code ./} and
 * {@code ../}) resolve against the current page's folder, as a browser would resolve them
 * against {@code /wiki/Folder/Page}; a trailing {@code .md} is dropped, so links written for
 * the repository work too; the result must be a valid {@link PagePath}. A name ending in a
 * common file extension ({@code .pdf}, {@code .png}, ...) is an attachment, not a page.
 */
final class LinkTargets {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:");
    /** Compiled once: every Markdown link of every page parsed is resolved here. */
    private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");
    private static final Set<String> ALLOWED_SCHEMES = Set.of("http:", "https:", "mailto:");
    private static final Set<String> ATTACHMENT_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "pdf", "txt", "csv", "tsv",
            "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "epub",
            "zip", "mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov");
    private static final String WIKI = "/wiki/";

    private LinkTargets() {}

    static LinkTarget resolve(String url, PagePath self) {
        // As a browser does: drop leading/trailing controls and spaces, and tabs/newlines inside.
        String cleaned = TAB_OR_NEWLINE.matcher(url.trim()).replaceAll("");
        if (cleaned.isEmpty() || cleaned.startsWith("//") || cleaned.indexOf('\\') >= 0) {
            return LinkTarget.REJECTED;
        }
        if (cleaned.startsWith("#")) {
            return LinkTarget.fragment("#" + PercentCoding.encodeComponent(cleaned.substring(1)));
        }
        Matcher scheme = SCHEME.matcher(cleaned);
        if (scheme.lookingAt()) {
            boolean allowed = ALLOWED_SCHEMES.contains(scheme.group().toLowerCase(Locale.ROOT));
            return allowed ? LinkTarget.EXTERNAL : LinkTarget.REJECTED;
        }
        int cut = firstOf(cleaned, '?', '#');
        String path = cleaned.substring(0, cut);
        String suffix = encodeSuffix(cleaned.substring(cut));
        String base = self.folder();
        if (path.startsWith("/")) {
            if (!path.startsWith(WIKI)) {
                return LinkTarget.REJECTED;
            }
            path = path.substring(WIKI.length());
            base = "";
        }
        String decoded = PercentCoding.decode(path);
        Optional<PagePath> page = decoded == null ? Optional.empty()
                : normalize(base, decoded).flatMap(PagePath::tryOf);
        if (page.isEmpty()) {
            return LinkTarget.REJECTED;
        }
        String href = WIKI + page.get() + suffix;
        return isAttachment(page.get()) ? LinkTarget.attachment(href) : LinkTarget.page(page.get(), href);
    }

    /** The page a link URL names, for the link graph; empty for anything but a page. */
    static Optional<PagePath> pageOf(String url, PagePath self) {
        LinkTarget target = resolve(url, self);
        return target.kind() == LinkTarget.Kind.PAGE ? target.page() : Optional.empty();
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j < 0 ? s.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    /** "?query#fragment" with each part percent-encoded where needed. */
    private static String encodeSuffix(String suffix) {
        if (suffix.isEmpty()) {
            return suffix;
        }
        int hash = suffix.indexOf('#');
        if (hash < 0) {
            return "?" + PercentCoding.encodeComponent(suffix.substring(1));
        }
        String query = hash == 0 ? "" : "?" + PercentCoding.encodeComponent(suffix.substring(1, hash));
        return query + "#" + PercentCoding.encodeComponent(suffix.substring(hash + 1));
    }

    /** Resolves "." and ".." segments against the base folder; empty when ".." climbs out. */
    private static Optional<String> normalize(String base, String path) {
        Deque<String> segments = new ArrayDeque<>();
        String joined = base.isEmpty() ? path : base + "/" + path;
        for (String segment : joined.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    return Optional.empty();
                }
                continue;
            }
            segments.add(segment);
        }
        String name = String.join("/", segments);
        if (name.length() > 3 && name.regionMatches(true, name.length() - 3, ".md", 0, 3)) {
            name = name.substring(0, name.length() - 3);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static boolean isAttachment(PagePath page) {
        String name = page.toString();
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/')
                && ATTACHMENT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
