package org.clearinghouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clearinghouse.app.TestWiki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A visitor in a desktop browser, on the bundled content: browsing from Home into the career-day
 * toolkit, searching from the header box and narrowing by a facet, the pages every visitor sees
 * (checked with axe in light and dark), keyboard use, and the printable toolkit packet.
 */
class VisitorTest {
    @TempDir
    static Path dir;

    static TestWiki wiki;
    static Browser browser;

    @BeforeAll
    static void start() {
        wiki = TestWiki.startOn(dir, Path.of("content"));
        browser = Browser.desktop(wiki.uri("").toString());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (wiki != null) {
            wiki.close();
        }
    }

    @AfterEach
    void lightAgain() {
        browser.emulate("", "light");
    }

    @Test
    void aVisitorBrowsesFromHomeIntoTheToolkit() {
        browser.open("/");
        assertThat(browser.text("h1")).isEqualTo("Clearinghouse Home");
        Axe.check(browser, "the home page");
        browser.screenshot("home");

        browser.link("Recruitment Clearinghouse").click();
        browser.waitForPath(p -> p.equals("/wiki/Recruitment-Clearinghouse"));
        assertThat(browser.text("h1")).isEqualTo("Recruitment Clearinghouse");
        assertThat(browser.driver().getTitle()).startsWith("Recruitment Clearinghouse");
        assertThat(browser.find("meta[name=description]").getAttribute("content"))
                .startsWith("Overview of the Clearinghouse as a toolkit");
        assertThat(browser.find("link[rel=canonical]").getAttribute("href"))
                .isEqualTo(wiki.uri("/wiki/Recruitment-Clearinghouse").toString());

        browser.link("Planning a Career Day").click();
        browser.waitForPath(p -> p.equals("/wiki/Career-Day/Planning"));
        assertThat(browser.text("h1")).isEqualTo("Planning a Career Day");
        assertThat(browser.findAll("nav.toc a")).isNotEmpty();
        Axe.check(browser, "a page");
        browser.screenshot("page");
    }

    @Test
    void aVisitorSearchesFromTheHeaderBoxAndFiltersByAFacet() {
        browser.open("/wiki/Contact");
        WebElement box = browser.find("#site-search-q");
        box.sendKeys("handouts");
        box.sendKeys(Keys.ENTER);
        browser.waitForPath(p -> p.startsWith("/search?q=handouts"));
        assertThat(browser.text(".result-count")).contains("for “handouts”");
        int before = browser.findAll(".result").size();
        assertThat(before).isGreaterThan(1);
        Axe.check(browser, "search results");
        browser.screenshot("search");

        browser.find(".facets").findElement(org.openqa.selenium.By.partialLinkText("handout")).click();
        browser.waitForPath(p -> p.contains("type=handout"));
        List<WebElement> results = browser.findAll(".result");
        assertThat(results).isNotEmpty().hasSizeLessThan(before);
        assertThat(results).allSatisfy(r -> assertThat(r.findElement(
                org.openqa.selenium.By.cssSelector(".result__meta")).getText()).contains("handout"));
        assertThat(browser.find(".facets a[aria-current]").getText()).isEqualTo("handout");
        Axe.check(browser, "filtered search results");
    }

    @Test
    void theListsLoginAndNotFoundPagesAreAccessible() {
        for (String path : List.of("/pages", "/tags", "/tags/career-day", "/resources", "/login",
                "/search", "/wiki/No-Such-Page", "/print/Career-Day", "/history/Career-Day/Planning",
                "/diff/Career-Day/Planning", "/blame/Career-Day/Planning", "/changes")) {
            browser.open(path);
            Axe.check(browser, path);
        }
        browser.open("/tags");
        browser.screenshot("tags");
        browser.open("/wiki/No-Such-Page");
        assertThat(browser.text("h1")).isEqualTo("Page not found");
    }

    @Test
    void darkModeFollowsTheSystemAndStaysReadable() {
        browser.emulate("", "dark");
        browser.open("/");
        assertThat(luminance(browser.script(
                "return getComputedStyle(document.body).backgroundColor;").toString())).isLessThan(0.1);
        Axe.check(browser, "the home page in dark mode");
        browser.screenshot("home-dark");
        for (String path : List.of("/wiki/Career-Day/Planning", "/search?q=career+day", "/tags", "/login",
                "/wiki/No-Such-Page", "/history/Career-Day/Planning", "/diff/Career-Day/Planning", "/changes",
                "/print/Career-Day")) {
            browser.open(path);
            Axe.check(browser, path + " in dark mode");
        }
    }

    @Test
    void theKeyboardReachesASkipLinkWithVisibleFocus() {
        browser.open("/wiki/Career-Day/Planning");
        browser.find("body").sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getRect().getX()).isGreaterThanOrEqualTo(0);
        assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle;"))
                .isNotEqualTo("none");
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.path()).endsWith("#main");
        // The next Tab lands inside the main content, past the header.
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.script("return !!document.activeElement.closest('main');")).isEqualTo(true);
        assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle;"))
                .isNotEqualTo("none");
    }

    @Test
    void theCareerDayToolkitPrintsAsOnePacketWithContents() throws Exception {
        browser.open("/wiki/Recruitment-Clearinghouse");
        browser.find("a.print-link").click();
        browser.waitForPath(p -> p.equals("/print/Recruitment-Clearinghouse"));
        List<String> contents = browser.findAll(".packet-toc li a").stream().map(WebElement::getText).toList();
        assertThat(contents).startsWith("Recruitment Clearinghouse", "Planning a Career Day",
                "Handouts and Giveaways", "Talking Points on Library Careers", "Career Day Follow-Up");
        assertThat(browser.findAll("section.packet-page")).hasSize(contents.size());

        browser.open("/print/Career-Day");
        assertThat(browser.text("h1")).isEqualTo("Career Day");
        assertThat(browser.findAll(".packet-toc li a").stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("Planning a Career Day", "Handouts and Giveaways",
                        "Talking Points on Library Careers", "Career Day Follow-Up");
        assertThat(browser.find("button[data-print]").isDisplayed()).isTrue();
        // Printed, the packet has no site navigation; each page starts on a new sheet.
        browser.emulate("print", "light");
        assertThat(browser.script("return getComputedStyle(document.querySelector('.site-header')).display;"))
                .isEqualTo("none");
        assertThat(browser.script("return getComputedStyle(document.querySelector('.packet-page')).breakBefore;"))
                .isEqualTo("page");
        browser.emulate("", "light");
        Path pdf = browser.printToPdf("career-day-packet");
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
        browser.screenshot("print-packet");
    }

    /** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
    static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
