package org.clearinghouse.page;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated name of a page, such as {@code Career-Day/Planning}. This is the only place a
 * page name is checked: once a {@code PagePath} exists, it is safe to use as a repository path
 * and in a URL.
 *
 * <p>Rules: segments separated by {@code /}; each segment made of letters, digits, {@code -},
 * {@code _} and {@code .}; no empty segment; no segment starting with {@code .} (which also rules
 * out {@code ..} and {@code .git}); no control characters; at most {@value #MAX_LENGTH}
 * characters after Unicode NFC normalisation. Page {@code A/B} is stored as the file
 * {@code A/B.md}. Immutable and thread-safe.
 */
public final class PagePath implements Comparable<PagePath> {

    /** Longest page name accepted, in characters. */
    public static final int MAX_LENGTH = 200;

    /** The file extension of a page in the repository. */
    public static final String EXTENSION = ".md";

    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}_\\-][\\p{L}\\p{N}\\p{M}_\\-.]*");
    /** Compiled once: every wiki link on every page parsed goes through {@link #fromLinkText}. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private final String name;

    private PagePath(String name) {
        this.name = name;
    }

    /**
     * Parses a page name.
     *
     * @throws InvalidPageNameException with a message a person understands when the name breaks
     *     a rule
     */
    public static PagePath of(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidPageNameException("A page name must not be empty.");
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (name.length() > MAX_LENGTH) {
            throw new InvalidPageNameException(
                    "A page name may have at most " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new InvalidPageNameException("A page name must not contain control characters.");
            }
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            throw new InvalidPageNameException("A page name must not have an empty segment.");
        }
        for (String segment : name.split("/")) {
            if (segment.startsWith(".")) {
                throw new InvalidPageNameException(
                        "A segment of a page name must not start with '.': " + segment);
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw new InvalidPageNameException(
                        "A page name may use only letters, digits, '-', '_' and '.', "
                                + "with '/' between segments.");
            }
        }
        return new PagePath(name);
    }

    /** Parses a page name, or answers empty when it breaks a rule. */
    public static Optional<PagePath> tryOf(String raw) {
        try {
            return Optional.of(of(raw));
        } catch (InvalidPageNameException e) {
            return Optional.empty();
        }
    }

    /**
     * The page stored in a repository file such as {@code A/B.md}, or empty when the file is
     * not a page (another extension, or a name that breaks a rule).
     */
    public static Optional<PagePath> fromFileName(String fileName) {
        if (!fileName.endsWith(EXTENSION) || fileName.length() == EXTENSION.length()) {
            return Optional.empty();
        }
        return tryOf(fileName.substring(0, fileName.length() - EXTENSION.length()));
    }

    /**
     * The page a wiki link such as {@code [[Career Day Network]]} names: spaces become hyphens,
     * surrounding whitespace is dropped.
     */
    public static Optional<PagePath> fromLinkText(String linkText) {
        String trimmed = WHITESPACE_RUN.matcher(linkText.strip()).replaceAll("-");
        return tryOf(trimmed);
    }

    /** The repository file that holds this page, e.g. {@code A/B.md}. */
    public String fileName() {
        return name + EXTENSION;
    }

    /** The last segment with hyphens and underscores shown as spaces: a fallback title. */
    public String displayName() {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.replace('-', ' ').replace('_', ' ');
    }

    /** The folder part, e.g. {@code A} for {@code A/B}; empty for a top-level page. */
    public String folder() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The page name exactly as validated, e.g. {@code A/B}. */
    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PagePath p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public int compareTo(PagePath other) {
        int ignoringCase = name.compareToIgnoreCase(other.name);
        return ignoringCase != 0 ? ignoringCase : name.compareTo(other.name);
    }
}
