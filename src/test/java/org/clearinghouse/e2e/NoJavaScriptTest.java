package org.clearinghouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clearinghouse.app.TestWiki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The site with JavaScript switched off: reading, searching with facets, editing with the
 * server-side preview, history and comparing revisions all work, because every feature is a plain link or form first. (axe
 * needs the page's timers, which are off here; the same HTML is checked with JavaScript on.)
 */
class NoJavaScriptTest {
    @TempDir
    static Path dir;

    static TestWiki wiki;
    static Browser browser;

    @BeforeAll
    static void start() {
        TestWiki.addAccount(dir, "editor", "editor", "correct horse");
        wiki = TestWiki.startOn(dir, Seeds.bundledContentWith(dir, Map.of("Events.md", Seeds.EVENTS)));
        browser = Browser.withoutJavaScript(wiki.uri("").toString());
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

    @Test
    void javaScriptIsReallyOff() {
        browser.open("/wiki/Recruitment-Clearinghouse");
        // Every page loads suggest.js; with scripts off, its listbox is never touched.
        assertThat(browser.find("#site-search-q").getAttribute("aria-expanded")).isEqualTo("false");
        browser.open("/print/Career-Day");
        // print.js would reveal the Print button.
        assertThat(browser.find("button[data-print]").isDisplayed()).isFalse();
    }

    @Test
    void aVisitorReadsAndSearchesWithoutJavaScript() {
        browser.open("/");
        browser.link("Recruitment Clearinghouse").click();
        browser.waitForPath(p -> p.equals("/wiki/Recruitment-Clearinghouse"));
        browser.link("Talking Points on Library Careers").click();
        browser.waitForPath(p -> p.equals("/wiki/Career-Day/Talking-Points"));
        assertThat(browser.text("h1")).isEqualTo("Talking Points on Library Careers");

        WebElement box = browser.find("#site-search-q");
        box.sendKeys("scholarships");
        box.sendKeys(Keys.ENTER);
        browser.waitForPath(p -> p.startsWith("/search?q=scholarships"));
        assertThat(browser.findAll(".result")).isNotEmpty();
        browser.find(".facets").findElement(By.linkText("school")).click();
        browser.waitForPath(p -> p.contains("audience=school"));
        assertThat(browser.findAll(".result")).isNotEmpty();

        browser.open("/resources");
        browser.find(".facets").findElement(By.linkText("toolkit")).click();
        browser.waitForPath(p -> p.contains("type=toolkit"));
        List<String> titles = browser.findAll(".result h2").stream().map(WebElement::getText).toList();
        assertThat(titles).contains("Planning a Career Day", "Recruitment Clearinghouse");
        browser.screenshot("nojs-resources");
    }

    @Test
    void anEditorPreviewsAndSavesWithoutJavaScript() {
        browser.open("/login?next=/edit/Events");
        browser.find("#username").sendKeys("editor");
        browser.find("#password").sendKeys("correct horse");
        browser.find("main form button[type=submit]").click();
        browser.waitForPath(p -> p.equals("/edit/Events"));
        WebElement editor = browser.find("#markdown");
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n- A library tour for the Scouts in May.\n");
        browser.clickAndWaitForNewPage(browser.find("button[value=preview]"));
        browser.waitForText("#preview", "A library tour for the Scouts in May.");
        browser.find("button[value=save]").click();
        browser.waitForPath(p -> p.equals("/wiki/Events"));
        assertThat(browser.text(".page-body")).contains("A library tour for the Scouts in May.");

        // History and comparisons are links and a plain form: radio buttons and a submit button.
        browser.link("History").click();
        browser.waitForPath(p -> p.equals("/history/Events"));
        List<WebElement> entries = browser.findAll("tr.history-entry");
        assertThat(entries).hasSize(2);
        entries.get(1).findElement(By.cssSelector("input[name=from]")).click();
        entries.get(0).findElement(By.cssSelector("input[name=to]")).click();
        browser.find("form.compare-form > button[type=submit]").click();
        browser.waitForPath(p -> p.startsWith("/diff/Events?"));
        assertThat(browser.text("table.diff ins")).contains("A library tour for the Scouts in May.");
        browser.open("/changes");
        assertThat(browser.text("main")).contains("Events");
    }
}
