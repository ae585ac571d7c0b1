package org.clearinghouse.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.clearinghouse.page.PagePath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTargetsTest {

    private static final PagePath SELF = PagePath.of("Handbook/Intro");

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Getting-Started            | PAGE       | /wiki/Handbook/Getting-Started",
        "./Getting-Started.md       | PAGE       | /wiki/Handbook/Getting-Started",
        "../Top                     | PAGE       | /wiki/Top",
        "Sub/../Other.MD            | PAGE       | /wiki/Handbook/Other",
        "/wiki/Root/Page?revision=1 | PAGE       | /wiki/Root/Page?revision=1",
        "Page#Some%20Part           | PAGE       | /wiki/Handbook/Page#Some%20Part",
        "Page#é                     | PAGE       | /wiki/Handbook/Page#%C3%A9",
        "Caf%C3%A9                  | PAGE       | /wiki/Handbook/Café",
        "flyer.png                  | ATTACHMENT | /wiki/Handbook/flyer.png",
        "#section                   | FRAGMENT   | #section",
        "https://ala.org            | EXTERNAL   | ''",
        "HTTPS://ala.org            | EXTERNAL   | ''",
        "mailto:a@b.org             | EXTERNAL   | ''",
        "javascript:alert(1)        | REJECTED   | ''",
        "JaVaScRiPt:alert(1)        | REJECTED   | ''",
        "vbscript:x                 | REJECTED   | ''",
        "data:text/html,x           | REJECTED   | ''",
        "//evil.com                 | REJECTED   | ''",
        "/\\evil.com                | REJECTED   | ''",
        "/admin                     | REJECTED   | ''",
        "../../Escape               | REJECTED   | ''",
        "/wiki/../x                 | REJECTED   | ''",
        "Foo%zz                     | REJECTED   | ''",
        "Foo%20Bar                  | REJECTED   | ''",
        ".git/config                | REJECTED   | ''",
        "''                         | REJECTED   | ''",
    })
    void resolvesAgainstTheCurrentPage(String url, LinkTarget.Kind kind, String href) {
        LinkTarget target = LinkTargets.resolve(url, SELF);
        assertThat(target.kind()).isEqualTo(kind);
        assertThat(target.href()).isEqualTo(href);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java\tscript:alert(1)", "java\nscript:alert(1)", "java\r\nscript:alert(1)",
        " javascript:alert(1)", "\u0001javascript:alert(1)", "\u0000javascript:alert(1)"})
    void browserWhitespaceTricksAreStillSchemes(String url) {
        assertThat(LinkTargets.resolve(url, SELF).kind()).isEqualTo(LinkTarget.Kind.REJECTED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://ala.org/x | true", "mailto:a@b.org | true", "/wiki/Page#x | true", "#top | true",
        "/wiki/../logout | false", "/wiki/%2e%2e/logout | false", "//evil.com | false", "/search | false",
        "javascript:alert(1) | false", "java script:x | false", "/wiki/a\\b | false", "data:x | false"})
    void urlPolicyAllowsOnlyWebMailAndWikiUrls(String url, boolean allowed) {
        assertThat(UrlPolicy.allowed(url)).isEqualTo(allowed);
    }
}
