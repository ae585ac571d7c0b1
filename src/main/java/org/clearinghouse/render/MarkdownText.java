package org.clearinghouse.render;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a page's headings and plain text for the search index straight from the Markdown, in one
 * pass over the lines and one over each paragraph, instead of parsing it with Flexmark.
 *
 * <p>Why: rebuilding the index of 20,000 pages spent most of its time in Flexmark, and the
 * index needs only the words, not the document tree. The text is the one Flexmark's plain text
 * gives for what pages are made of (headings, paragraphs, emphasis, links and images, wiki links,
 * lists, quotes, code, tables, footnotes, entities and escapes; HTML blocks and link reference
 * definitions are left out, as there); {@code MarkdownTextTest} compares the two word by word.
 * Where it differs it is on purpose: table cells are kept apart by a space (Flexmark runs them
 * together into one word), and an autolink keeps its address. Indented code is read as text.
 *
 * <p>Every page is hostile input: the work is linear in the text, whatever it holds (brackets,
 * parentheses and code spans are matched with stacks and tables built in one pass, never by
 * searching ahead from each opener), nothing recurses, and the text kept is bounded. One
 * instance per page; not thread-safe.
 */
final class MarkdownText {
    /** Enough text for relevance and snippets; the rest of a huge page adds little. */
    static final int MAX_TEXT_CHARS = 256 * 1024;
    /** Input read: a little more than the text kept, since syntax takes room too. */
    static final int MAX_INPUT_CHARS = 2 * MAX_TEXT_CHARS;
    /** As {@link WikiLinkParser}: a wiki link closes within this many characters. */
    private static final int MAX_WIKI_LINK = WikiLinkParser.MAX_INNER;
    private static final int MAX_ENTITY = 32;

    /** CommonMark's HTML block kind 6: these tags open a block that ends at a blank line. */
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "base", "basefont",
            "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
            "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
            "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary",
            "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul");
    /** CommonMark's HTML block kind 1: these run to their closing tag, blank lines and all. */
    private static final Set<String> RAW_TAGS = Set.of("script", "pre", "style", "textarea");
    /** An HTML block that ends at the next blank line. */
    private static final String UNTIL_BLANK = "";

    private final StringBuilder text = new StringBuilder();
    private final List<String> headings = new ArrayList<>();
    private final StringBuilder paragraph = new StringBuilder();
    private int paragraphLines;
    private boolean paragraphHasPipe;
    /** Whether the open paragraph is a list item's (a numbered line may start the next one). */
    private boolean listItem;
    private boolean inTable;
    /** The fence character of the open code block, or 0. */
    private char fence;
    private int fenceLength;
    /** What ends the open HTML block ({@link #UNTIL_BLANK} or a closing text), or null. */
    private String htmlEnd;

    private MarkdownText() {}

    /** The headings and plain text of a Markdown body (front matter already taken off). */
    static SearchableText read(String body) {
        MarkdownText reader = new MarkdownText();
        String input = body.length() > MAX_INPUT_CHARS ? body.substring(0, MAX_INPUT_CHARS) : body;
        int start = 0;
        while (start <= input.length() && reader.text.length() < MAX_TEXT_CHARS) {
            int newline = input.indexOf('\n', start);
            int end = newline < 0 ? input.length() : newline;
            reader.line(input.substring(start, end > start && input.charAt(end - 1) == '\r' ? end - 1 : end));
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        reader.endParagraph();
        String text = reader.text.length() > MAX_TEXT_CHARS ? reader.text.substring(0, MAX_TEXT_CHARS)
                : reader.text.toString();
        return new SearchableText(reader.headings, text);
    }

    private void line(String raw) {
        if (fence != 0) {
            String code = withoutQuoteMarkers(raw);
            if (closesFence(code.strip())) {
                fence = 0;
            } else {
                text.append(code).append('\n');
            }
            return;
        }
        if (htmlEnd != null) {
            if (htmlEnd.equals(UNTIL_BLANK) ? raw.isBlank() : containsIgnoringCase(raw, htmlEnd)) {
                htmlEnd = null;
            }
            return;
        }
        String line = withoutQuoteMarkers(raw).strip();
        if (line.isEmpty()) {
            endBlock();
            return;
        }
        if (isThematicBreak(line) && !(paragraphLines > 0 && !inTable && isSetextUnderline(line))) {
            endBlock();
            return;
        }
        String item = listItemText(line);
        if (item != null) {
            endBlock(); // each list item is a block of its own
            listItem = true;
            line = item;
        }
        if (line.isEmpty()) {
            endBlock();
            return;
        }
        if (opensFence(line)) {
            endBlock();
            return;
        }
        String html = htmlBlockEnd(line);
        if (html != null) {
            endBlock();
            // Kinds 1 to 5 may close on their opening line.
            htmlEnd = !html.equals(UNTIL_BLANK) && containsIgnoringCase(line.substring(1), html) ? null : html;
            return;
        }
        int level = atxLevel(line);
        if (level > 0) {
            endBlock();
            heading(atxText(line, level));
            return;
        }
        if (paragraphLines > 0 && !inTable && isSetextUnderline(line)) {
            String heading = paragraph.toString();
            clearParagraph();
            heading(heading);
            return;
        }
        if (inTable) {
            tableRow(line);
            return;
        }
        if (paragraphLines == 1 && paragraphHasPipe && isDelimiterRow(line)) {
            String header = paragraph.toString();
            clearParagraph();
            inTable = true;
            tableRow(header);
            return;
        }
        int definition = line.startsWith("[") ? line.indexOf("]:") : -1;
        if (definition > 1 && line.indexOf(']') == definition) {
            if (line.charAt(1) == '^') {
                endBlock(); // a footnote: its text, as a block of its own
                line = line.substring(definition + 2).strip();
            } else if (paragraphLines == 0) {
                return; // a link reference definition: an address, not text
            }
        }
        if (paragraphLines > 0) {
            paragraph.append('\n');
        }
        paragraph.append(line);
        paragraphLines++;
        paragraphHasPipe = line.indexOf('|') >= 0;
    }

    private void endBlock() {
        endParagraph();
        inTable = false;
    }

    private void endParagraph() {
        if (paragraphLines > 0) {
            inline(paragraph.toString(), text);
            text.append('\n');
            clearParagraph();
        }
    }

    private void clearParagraph() {
        paragraph.setLength(0);
        paragraphLines = 0;
        paragraphHasPipe = false;
        listItem = false;
    }

    private void heading(String markdown) {
        StringBuilder words = new StringBuilder();
        inline(markdown, words);
        OutlineCollector.headingText(words).ifPresent(headings::add);
        text.append(words).append('\n');
    }

    /** One row of a table: each cell's text, cells apart (split on pipes not escaped). */
    private void tableRow(String line) {
        int start = line.startsWith("|") ? 1 : 0;
        int end = line.length() - (line.length() > start && line.endsWith("|") && !line.endsWith("\\|") ? 1 : 0);
        int cell = start;
        for (int i = start; i <= end; i++) {
            if (i == end || line.charAt(i) == '|' && line.charAt(i - 1) != '\\') {
                inline(line.substring(cell, i).strip(), text);
                text.append(i == end ? '\n' : ' ');
                cell = i + 1;
            }
        }
    }

    private static String withoutQuoteMarkers(String line) {
        int i = 0;
        while (true) {
            int marker = skipSpaces(line, i, 3);
            if (marker >= line.length() || line.charAt(marker) != '>') {
                return line.substring(i);
            }
            i = marker + 1;
            if (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
    }

    /**
     * The line after a list marker and a task box; null when it has no marker. A numbered
     * marker is taken only where a list may start or go on (not in the middle of a paragraph
     * other than a list item's, unless it is "1."), so "2024. A good year" there keeps its number.
     */
    private String listItemText(String line) {
        char first = line.charAt(0);
        int after;
        if (first == '-' || first == '*' || first == '+') {
            after = 1;
        } else if (first >= '0' && first <= '9') {
            int digits = 1;
            while (digits < line.length() && digits < 10 && Character.isDigit(line.charAt(digits))) {
                digits++;
            }
            boolean marker = digits <= 9 && digits < line.length()
                    && (line.charAt(digits) == '.' || line.charAt(digits) == ')');
            if (!marker || paragraphLines > 0 && !listItem && !line.startsWith("1")) {
                return null;
            }
            after = digits + 1;
        } else {
            return null;
        }
        if (after < line.length() && line.charAt(after) != ' ' && line.charAt(after) != '\t') {
            return null;
        }
        String item = line.substring(after).strip();
        if (item.length() >= 3 && item.charAt(0) == '[' && item.charAt(2) == ']'
                && " xX".indexOf(item.charAt(1)) >= 0 && (item.length() == 3 || item.charAt(3) == ' ')) {
            item = item.substring(3).strip();
        }
        return item;
    }

    private boolean opensFence(String line) {
        char c = line.charAt(0);
        if (c != '`' && c != '~') {
            return false;
        }
        int length = run(line, 0, c);
        if (length < 3 || c == '`' && line.indexOf('`', length) >= 0) {
            return false;
        }
        fence = c;
        fenceLength = length;
        return true;
    }

    private boolean closesFence(String line) {
        int length = run(line, 0, fence);
        return length >= fenceLength && line.substring(length).isBlank();
    }

    /**
     * What ends the HTML block this line opens (CommonMark's seven kinds), or null when it opens
     * none. Kind 7 (any other lone tag) cannot interrupt a paragraph.
     */
    private String htmlBlockEnd(String line) {
        if (line.charAt(0) != '<' || line.length() < 2) {
            return null;
        }
        if (line.startsWith("<!--")) {
            return "-->";
        }
        if (line.startsWith("<?")) {
            return "?>";
        }
        if (line.startsWith("<![CDATA[")) {
            return "]]>";
        }
        if (line.startsWith("<!") && line.length() > 2 && Character.isLetter(line.charAt(2))) {
            return ">";
        }
        boolean closing = line.charAt(1) == '/';
        int nameStart = closing ? 2 : 1;
        int nameEnd = nameStart;
        while (nameEnd < line.length() && isAsciiLetterOrDigit(line.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart || !isAsciiLetter(line.charAt(nameStart))) {
            return null;
        }
        String name = line.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        char next = nameEnd < line.length() ? line.charAt(nameEnd) : ' ';
        boolean nameEnds = next == ' ' || next == '\t' || next == '>' || line.startsWith("/>", nameEnd);
        if (!closing && RAW_TAGS.contains(name) && nameEnds) {
            return "</" + name + ">";
        }
        if (BLOCK_TAGS.contains(name) && nameEnds) {
            return UNTIL_BLANK;
        }
        boolean loneTag = line.endsWith(">") && line.indexOf('>') == line.length() - 1;
        return loneTag && paragraphLines == 0 && !RAW_TAGS.contains(name) ? UNTIL_BLANK : null;
    }

    private static int atxLevel(String line) {
        int level = run(line, 0, '#');
        if (level < 1 || level > 6) {
            return 0;
        }
        return level == line.length() || line.charAt(level) == ' ' || line.charAt(level) == '\t' ? level : 0;
    }

    /** The heading's text: without its opening run of #, and without a closing run after a space. */
    private static String atxText(String line, int level) {
        String content = line.substring(level).strip();
        int end = content.length();
        while (end > 0 && content.charAt(end - 1) == '#') {
            end--;
        }
        if (end == 0 || content.charAt(end - 1) == ' ' || content.charAt(end - 1) == '\t') {
            content = content.substring(0, end).strip();
        }
        return content;
    }

    private static boolean isSetextUnderline(String line) {
        char c = line.charAt(0);
        return (c == '=' || c == '-') && run(line, 0, c) == line.length();
    }

    /** Three or more of the same *, - or _, and nothing else but spaces. */
    private static boolean isThematicBreak(String line) {
        char c = line.charAt(0);
        if (c != '*' && c != '-' && c != '_') {
            return false;
        }
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            char d = line.charAt(i);
            if (d == c) {
                count++;
            } else if (d != ' ' && d != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    /** A table's delimiter row: pipes, dashes, colons and spaces, with a pipe and a dash. */
    private static boolean isDelimiterRow(String line) {
        boolean pipe = false;
        boolean dash = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            pipe |= c == '|';
            dash |= c == '-';
            if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return pipe && dash;
    }

    /**
     * Appends the text of inline Markdown: emphasis markers, link addresses, tags and escapes
     * taken out, code spans kept as written, entities decoded.
     */
    private static void inline(String s, StringBuilder out) {
        int n = s.length();
        int[] codeEnd = codeSpans(s);
        int[] closer = s.indexOf('[') >= 0 ? matches(s, '[', ']', codeEnd) : null;
        int[] parenCloser = closer != null && s.indexOf('(') >= 0 ? matches(s, '(', ')', codeEnd) : null;
        // Links being read: where each one's text ends, and where reading goes on after it.
        ArrayDeque<int[]> links = new ArrayDeque<>();
        int nextTagEnd = -1;
        int i = 0;
        while (i < n) {
            while (!links.isEmpty() && links.peek()[0] < i) {
                links.pop(); // its closing bracket was inside something read whole (an autolink)
            }
            if (!links.isEmpty() && links.peek()[0] == i) {
                i = links.pop()[1];
                continue;
            }
            char c = s.charAt(i);
            if (codeEnd != null && codeEnd[i] > 0) {
                int ticks = run(s, i, '`');
                appendCode(s, i + ticks, codeEnd[i] - ticks, out);
                i = codeEnd[i];
                continue;
            }
            switch (c) {
                case '\\' -> {
                    if (i + 1 < n && (isAsciiPunctuation(s.charAt(i + 1)) || s.charAt(i + 1) == '\n')) {
                        out.append(s.charAt(i + 1)); // an escaped character, or a hard line break
                        i += 2;
                    } else {
                        out.append(c);
                        i++;
                    }
                }
                case '*' -> i++;
                case '~' -> {
                    int tildes = run(s, i, '~');
                    if (tildes == 1) {
                        out.append(c);
                    }
                    i += tildes;
                }
                case '_' -> {
                    int underscores = run(s, i, '_');
                    boolean inWord = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))
                            && i + underscores < n && Character.isLetterOrDigit(s.charAt(i + underscores));
                    if (inWord) {
                        out.append(s, i, i + underscores);
                    }
                    i += underscores;
                }
                case '!' -> {
                    boolean image = i + 1 < n && s.charAt(i + 1) == '[' && closer != null && closer[i + 1] > 0;
                    if (!image) {
                        out.append(c);
                    }
                    i++;
                }
                case '[' -> i = bracket(s, i, closer, parenCloser, links, out);
                case '<' -> {
                    if (nextTagEnd < i) {
                        int gt = s.indexOf('>', i);
                        nextTagEnd = gt < 0 ? n : gt;
                    }
                    int taken = nextTagEnd < n ? angle(s, i, nextTagEnd, out) : i;
                    if (taken == i) {
                        out.append(c);
                        i++;
                    } else {
                        i = taken;
                    }
                }
                case '&' -> i = entity(s, i, out);
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
    }

    /** Reads from an opening bracket: a wiki link, a footnote reference, a link's text, or a plain bracket. */
    private static int bracket(String s, int i, int[] closer, int[] parenCloser, ArrayDeque<int[]> links,
            StringBuilder out) {
        int n = s.length();
        if (i + 1 < n && s.charAt(i + 1) == '[') {
            int end = wikiLinkEnd(s, i + 2);
            if (end > 0) {
                String inner = s.substring(i + 2, end);
                int bar = inner.indexOf('|');
                out.append((bar < 0 ? inner : inner.substring(bar + 1)).replace("\\", "").strip());
                return end + 2;
            }
        }
        int close = closer == null ? -1 : closer[i];
        if (close <= 0) {
            out.append('[');
            return i + 1;
        }
        if (i + 1 < n && s.charAt(i + 1) == '^') {
            out.append(s, i + 2, close);
            return close + 1;
        }
        int resume = close + 1;
        if (resume < n && s.charAt(resume) == '(' && parenCloser != null && parenCloser[resume] > 0) {
            resume = parenCloser[resume] + 1;
        } else if (resume < n && s.charAt(resume) == '[' && closer[resume] > 0) {
            resume = closer[resume] + 1;
        }
        links.push(new int[] {close, resume});
        return i + 1;
    }

    /** The index of the "]]" closing a wiki link whose text starts at {@code from}, or -1. */
    private static int wikiLinkEnd(String s, int from) {
        int limit = Math.min(s.length() - 1, from + MAX_WIKI_LINK);
        for (int i = from; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ']') {
                return s.charAt(i + 1) == ']' && i > from ? i : -1;
            }
            if (c == '[' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Reads {@code <...>} ending at {@code gt}: an autolink keeps its address, a tag or comment is
     * dropped. Answers where reading goes on, or {@code i} when it is neither (a plain {@code <}).
     */
    private static int angle(String s, int i, int gt, StringBuilder out) {
        if (gt == i + 1) {
            return i;
        }
        char first = s.charAt(i + 1);
        if (isAsciiLetter(first)) {
            int colon = i + 1;
            while (colon < gt && (isAsciiLetterOrDigit(s.charAt(colon)) || "+.-".indexOf(s.charAt(colon)) >= 0)) {
                colon++;
            }
            boolean spaced = false;
            for (int k = i + 1; k < gt && !spaced; k++) {
                spaced = Character.isWhitespace(s.charAt(k)) || s.charAt(k) == '<';
            }
            boolean scheme = colon < gt && s.charAt(colon) == ':' && colon - i - 1 >= 2;
            boolean email = !spaced && s.indexOf('@', i) > i && s.indexOf('@', i) < gt;
            if (!spaced && (scheme || email)) {
                out.append(s, i + 1, gt);
                return gt + 1;
            }
            int name = i + 1;
            while (name < gt && (isAsciiLetterOrDigit(s.charAt(name)) || s.charAt(name) == '-')) {
                name++;
            }
            char after = s.charAt(name);
            return after == '>' || after == '/' || Character.isWhitespace(after) ? gt + 1 : i;
        }
        if (first == '/' && i + 2 < gt && isAsciiLetter(s.charAt(i + 2))) {
            return gt + 1;
        }
        if (first == '!' || first == '?') {
            return gt + 1;
        }
        return i;
    }

    /** Decodes an entity such as {@code &amp;} or {@code &#233;}; a lone {@code &} stays as it is. */
    private static int entity(String s, int i, StringBuilder out) {
        int limit = Math.min(s.length(), i + 2 + MAX_ENTITY);
        for (int k = i + 1; k < limit; k++) {
            char c = s.charAt(k);
            if (c == ';' && k > i + 1) {
                String decoded = Escaping.unescapeHtml(s.substring(i, k + 1));
                out.append(decoded);
                return k + 1;
            }
            if (!isAsciiLetterOrDigit(c) && !(c == '#' && k == i + 1)) {
                break;
            }
        }
        out.append('&');
        return i + 1;
    }

    /** A code span's content: line ends read as spaces, one space trimmed off each end when both have one. */
    private static void appendCode(String s, int from, int to, StringBuilder out) {
        if (to - from >= 2 && s.charAt(from) == ' ' && s.charAt(to - 1) == ' ' && !s.substring(from, to).isBlank()) {
            from++;
            to--;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            out.append(c == '\n' ? ' ' : c);
        }
    }

    /**
     * Where each code span ends (past its closing backticks), by the index of its opening run;
     * null when there are none. A run of backticks closes at the next run of the same length.
     */
    private static int[] codeSpans(String s) {
        if (s.indexOf('`') < 0) {
            return null;
        }
        List<int[]> runs = new ArrayList<>(); // start, length
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '`' && (i == 0 || s.charAt(i - 1) != '\\')) {
                int length = run(s, i, '`');
                runs.add(new int[] {i, length});
                i += length - 1;
            } else if (s.charAt(i) == '`') {
                i += run(s, i, '`') - 1;
            }
        }
        int[] nextSameLength = new int[runs.size()];
        Map<Integer, Integer> seen = new HashMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            Integer next = seen.put(runs.get(r)[1], r);
            nextSameLength[r] = next == null ? -1 : next;
        }
        int[] ends = null;
        for (int r = 0; r < runs.size(); r++) {
            int close = nextSameLength[r];
            if (close < 0) {
                continue;
            }
            if (ends == null) {
                ends = new int[s.length()];
            }
            int[] closing = runs.get(close);
            ends[runs.get(r)[0]] = closing[0] + closing[1];
            r = close; // the runs in between are inside the span
        }
        return ends;
    }

    /**
     * For each unescaped {@code open} outside code spans, the index of the {@code close} that
     * matches it (0 when none does): one pass with a stack, so hostile runs stay linear.
     */
    private static int[] matches(String s, char open, char close, int[] codeEnd) {
        int[] match = new int[s.length()];
        int[] stack = new int[s.length()];
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (codeEnd != null && codeEnd[i] > 0) {
                i = codeEnd[i] - 1;
                continue;
            }
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == open) {
                stack[depth++] = i;
            } else if (c == close && depth > 0) {
                match[stack[--depth]] = i;
            }
        }
        return match;
    }

    private static int run(String s, int from, char c) {
        int i = from;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    private static int skipSpaces(String s, int from, int most) {
        int i = from;
        while (i < s.length() && i - from < most && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean containsIgnoringCase(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part);
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && Escaping.ESCAPABLE_CHARS.indexOf(c) >= 0;
    }

    private static boolean isAsciiLetter(char c) {
        return c < 128 && Character.isLetter(c);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
