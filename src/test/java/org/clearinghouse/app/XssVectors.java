package org.clearinghouse.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-site scripting vectors for a Markdown wiki, by name. Two sources: Markdown-specific
 * vectors written here (every construct that ends up in an attribute or a URL: links, images,
 * titles, reference definitions, autolinks, footnotes, wiki links, code info strings, headings,
 * tables, raw HTML with case, whitespace, entity and control-character tricks, SVG and MathML),
 * and the "Script Injection" section of the Big List of Naughty Strings (OWASP filter-evasion
 * style vectors; vendored under {@code src/test/resources/blns/} with its licence).
 */
final class XssVectors {
    private XssVectors() {}

    /** Every vector, name to Markdown. */
    static Map<String, String> all() {
        Map<String, String> vectors = new LinkedHashMap<>(markdownSpecific());
        List<String> blns = blnsScriptInjection();
        for (int i = 0; i < blns.size(); i++) {
            vectors.put("blns script injection " + (i + 1), blns.get(i));
        }
        return vectors;
    }

    static Map<String, String> markdownSpecific() {
        Map<String, String> v = new LinkedHashMap<>();
        // Raw HTML and its evasions.
        v.put("img onerror", "<img src=x onerror=alert(1)>");
        v.put("svg slash onload", "<svg/onload=alert(1)>");
        v.put("math mglyph mXSS", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");
        v.put("svg animate href", "<svg><a><animate attributeName=href values=javascript:alert(1) /><text y=20>x</text></a></svg>");
        v.put("svg use data", "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)' /></svg>#x\"/></svg>");
        v.put("math href", "<math href=\"javascript:alert(1)\">CLICK</math>");
        v.put("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>");
        v.put("object data", "<object data=\"javascript:alert(1)\"></object>");
        v.put("embed", "<embed src=javascript:alert(1)>");
        v.put("button formaction", "<form><button formaction=javascript:alert(1)>x</button></form>");
        v.put("input autofocus", "<input autofocus onfocus=alert(1)>");
        v.put("video source", "<video><source onerror=alert(1)></video>");
        v.put("body onload", "<body onload=alert(1)>");
        v.put("marquee", "<marquee onstart=alert(1)>x</marquee>");
        v.put("isindex", "<isindex action=javascript:alert(1) type=image>");
        v.put("link import", "<link rel=import href=\"data:text/html,<script>alert(1)</script>\">");
        v.put("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");
        v.put("base href", "<base href=\"javascript:/\"><a href=\"x\">x</a>");
        v.put("style url", "<div style=\"background:url(javascript:alert(1))\">x</div>");
        v.put("style expression", "<p style=\"width:expression(alert(1))\">x</p>");
        v.put("href hex entities", "<a href=\"&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;alert(1)\">x</a>");
        v.put("href padded decimal", "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105"
                + "&#0000112&#0000116&#0000058alert(1)\">x</a>");
        v.put("href tab entity", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>");
        v.put("href leading control", "<a href=\" &#14; javascript:alert(1)\">x</a>");
        v.put("href colon decimal", "<a href=\"javascript&#58;alert(1)\">x</a>");
        v.put("href vbscript", "<a href=\"VBScript:msgbox(1)\">x</a>");
        v.put("href data base64", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>");
        v.put("img data svg", "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">");
        v.put("unquoted attribute breakout", "<a href=x onmouseover=alert(1)>x</a>");
        v.put("attribute without quotes or space", "<img/src=x/onerror=alert(1)>");
        v.put("comment breakout", "<!--><img src=x onerror=alert(1)>-->");
        v.put("cdata", "<![CDATA[<img src=x onerror=alert(1)>]]>");
        v.put("processing instruction", "<?xml ?><img src=x onerror=alert(1)>");
        v.put("markdown inside html", "<div markdown=\"1\">[x](javascript:alert(1))</div>");
        v.put("escaped html stays text", "&lt;img src=x onerror=alert(1)&gt;");
        v.put("template", "<template><img src=x onerror=alert(1)></template>");
        v.put("noembed", "<noembed><img title=\"</noembed><img src=x onerror=alert(1)>\"></noembed>");
        // Inline links and their URL tricks.
        v.put("link upper case", "[x](JAVASCRIPT:alert(1))");
        v.put("link colon hex entity", "[x](javascript&#x3A;alert(1))");
        v.put("link all entities", "[x](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1))");
        v.put("link percent newline", "[x](java%0ascript:alert(1))");
        v.put("link leading space", "[x]( javascript:alert(1))");
        v.put("link angle brackets", "[x](<javascript:alert(1)>)");
        v.put("link tab", "[x](\tjavascript:alert(1))");
        v.put("link nul", "[x](java\u0000script:alert(1))");
        v.put("link data html", "[x](data:text/html,<script>alert(1)</script>)");
        v.put("link data base64", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg)");
        v.put("link vbscript", "[x](vbscript:msgbox(1))");
        v.put("link livescript", "[x](livescript:alert(1))");
        v.put("link file", "[x](file:///etc/passwd)");
        v.put("link backslash host", "[x](/\\evil.example) [y](\\\\evil.example)");
        v.put("link protocol relative", "[x](//evil.example/a)");
        // Autolinks.
        v.put("autolink javascript", "<javascript:alert(1)>");
        v.put("autolink vbscript", "<vbscript:msgbox(1)>");
        v.put("autolink data", "<data:text/html,<script>alert(1)</script>>");
        v.put("gfm autolink quote", "www.example.com/\"onmouseover=\"alert(1)");
        v.put("gfm autolink tag", "https://example.com/\"><script>alert(1)</script>");
        // Images.
        v.put("image javascript", "![x](javascript:alert(1))");
        v.put("image alt breakout", "![x\"onerror=\"alert(1)](https://example.com/a.png)");
        v.put("image url breakout", "![x](https://example.com/a.png\"onerror=\"alert(1))");
        v.put("image title breakout", "![x](https://example.com/a.png \"t\\\" onerror=\\\"alert(1)\")");
        // Link titles.
        v.put("title double quote", "[x](https://example.com \"a\\\"onmouseover=\\\"alert(1)\")");
        v.put("title single quote", "[x](https://example.com 'a\\' onmouseover=alert(1)')");
        v.put("title parentheses", "[x](https://example.com (a\" onmouseover=\"alert(1)))");
        // Reference links.
        v.put("reference javascript", "[x]\n\n[x]: javascript:alert(1)");
        v.put("reference angle", "[x][1]\n\n[1]: <javascript:alert(1)>");
        v.put("reference title breakout", "[x][1]\n\n[1]: https://example.com \"t\\\" onclick=\\\"alert(1)\"");
        v.put("reference image data", "![i][1]\n\n[1]: data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+");
        v.put("reference label html", "[<img src=x onerror=alert(1)>][1]\n\n[1]: https://example.com");
        // Footnotes.
        v.put("footnote link", "a[^1]\n\n[^1]: [x](javascript:alert(1))");
        v.put("footnote label breakout", "a[^\"><img src=x onerror=alert(1)>]\n\n[^\"><img src=x onerror=alert(1)>]: x");
        v.put("footnote script", "a[^1]\n\n[^1]: <script>alert(1)</script>");
        // Wiki links.
        v.put("wiki javascript", "[[javascript:alert(1)]]");
        v.put("wiki label script", "[[Page|<script>alert(1)</script>]]");
        v.put("wiki quote breakout", "[[\" onmouseover=\"alert(1)]]");
        v.put("wiki label markdown link", "[[Page|[x](javascript:alert(1))]]");
        v.put("wiki target svg", "[[<svg onload=alert(1)>|x]]");
        v.put("wiki fragment breakout", "[[Page#\"><img src=x onerror=alert(1)>]]");
        v.put("wiki protocol relative", "[[//evil.example]]");
        v.put("wiki data", "[[data:text/html,<script>alert(1)</script>]]");
        // Code spans and fences.
        v.put("code span", "`<script>alert(1)</script>`");
        v.put("fence html", "```html\n<script>alert(1)</script>\n```");
        v.put("fence info breakout", "```\"><img src=x onerror=alert(1)>\ncode\n```");
        v.put("tilde fence info", "~~~ <script>alert(1)</script>\nx\n~~~");
        v.put("indented code", "    <img src=x onerror=alert(1)>");
        // Blocks that carry text into attributes (ids, anchors, classes).
        v.put("heading img", "# <img src=x onerror=alert(1)>");
        v.put("heading id breakout", "# x\" onmouseover=\"alert(1)\n\n[TOC]");
        v.put("table cells", "| <img src=x onerror=alert(1)> |\n|---|\n| [x](javascript:alert(1)) |");
        v.put("task list", "- [ ] <img src=x onerror=alert(1)>\n- [x] [y](javascript:alert(1))");
        v.put("blockquote html", "> <script>alert(1)</script>\n> [x](javascript:alert(1))");
        return v;
    }

    /** The "Script Injection" section of blns.txt, one vector per line. */
    static List<String> blnsScriptInjection() {
        List<String> vectors = new ArrayList<>();
        boolean inSection = false;
        for (String line : blnsText().split("\n", -1)) {
            if (line.startsWith("#\tScript Injection")) {
                inSection = true;
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (line.startsWith("#")) {
                if (!vectors.isEmpty()) {
                    break;
                }
                continue;
            }
            if (!line.isBlank()) {
                vectors.add(line);
            }
        }
        if (vectors.size() < 100) {
            throw new IllegalStateException("The Script Injection section of blns.txt was not found");
        }
        return vectors;
    }

    private static String blnsText() {
        try (InputStream in = XssVectors.class.getResourceAsStream("/blns/blns.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
