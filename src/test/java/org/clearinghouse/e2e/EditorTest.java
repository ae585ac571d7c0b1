package org.clearinghouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clearinghouse.app.TestWiki;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An editor in a desktop browser, one story in order: logs in, creates a page from a red link
 * (starting from a page template), previews, saves; edits again with a draft kept in the browser
 * and Ctrl+S; runs into a conflict made by a second session and resolves it; uploads a handout
 * and links it; reads the history, compares two revisions and reverts. Each step is checked
 * with axe and leaves a screenshot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorTest {
    static final String PAGE = "Spring-Career-Fair-2026";
    static final String DRAFT_KEY = "clearinghouse:draft:" + PAGE;
    static final String TEXT = """
            ---
            title: Spring Career Fair 2026
            summary: Our table at the Lincoln High spring career fair, and who brings what.
            tags: [career-day, events]
            audience: [school]
            type: toolkit
            ---

            ## The event

            Lincoln High gym, 9am to noon.

            ## Before the day

            - [ ] Confirm the table and power with the school
            - [ ] Order bookmarks

            The school's page: https://www.example.org/fair
            """;

    @TempDir
    static Path dir;

    static TestWiki wiki;
    static Browser browser;

    @BeforeAll
    static void start() {
        Seeds.account(dir, "editor", "Dana Reyes", "correct horse");
        Seeds.account(dir, "second", "Sam Okafor", "battery staple");
        wiki = TestWiki.startOn(dir, Seeds.bundledContentWith(dir, Map.of("Events.md", Seeds.EVENTS)));
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

    @Test
    @Order(1)
    void anEditorLogsInAndCreatesAPageFromARedLinkWithATemplate() {
        browser.open("/wiki/Events");
        WebElement red = browser.find("main a.missing");
        assertThat(red.getText()).isEqualTo("Spring career fair at Lincoln High");
        red.click();
        browser.waitForPath(p -> p.equals("/wiki/" + PAGE));
        assertThat(browser.text("h1")).isEqualTo("Page not found");
        browser.link("Create the page " + PAGE).click();

        browser.waitForPath(p -> p.startsWith("/login"));
        Axe.check(browser, "the login page");
        browser.find("#username").sendKeys("editor");
        browser.find("#password").sendKeys("correct horse");
        browser.find("main form button[type=submit]").click();
        browser.waitForPath(p -> p.equals("/edit/" + PAGE));
        assertThat(browser.text("h1")).isEqualTo("Create " + PAGE);

        // Start from the career-day toolkit template: its prompts, with this page's title.
        browser.link("Career day toolkit (page template)").click();
        browser.waitForPath(p -> p.endsWith("?template=Career-Day-Toolkit"));
        String started = browser.find("#markdown").getAttribute("value");
        assertThat(started).contains("title: Spring Career Fair 2026", "## Before the day", "type: toolkit");
        Axe.check(browser, "the editor for a new page");

        WebElement editor = browser.find("#markdown");
        editor.clear();
        editor.sendKeys(TEXT);
        // The live preview renders through the server as you type.
        browser.waitForText("#preview", "Lincoln High gym, 9am to noon.");
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("edit");

        browser.clickAndWaitForNewPage(browser.find("button[value=preview]"));
        browser.waitForText("#preview", "Confirm the table");
        assertThat(browser.find("#markdown").getAttribute("value")).contains("Lincoln High gym");
        assertThat(browser.script("return localStorage.getItem(arguments[0]);", DRAFT_KEY)).isNotNull();

        browser.find("button[value=save]").click();
        browser.waitForPath(p -> p.equals("/wiki/" + PAGE));
        assertThat(browser.text("h1")).isEqualTo("Spring Career Fair 2026");
        assertThat(browser.text(".page-body")).contains("Lincoln High gym, 9am to noon.");
        // Saved: the draft kept in the browser is gone.
        assertThat(browser.script("return localStorage.getItem(arguments[0]);", DRAFT_KEY)).isNull();
        Axe.check(browser, "a page with the editor's actions");
        browser.screenshot("editor-page");

        browser.open("/wiki/Events");
        assertThat(browser.find("main a[href='/wiki/" + PAGE + "']").getAttribute("class")).doesNotContain("missing");
    }

    @Test
    @Order(2)
    void editingAgainKeepsADraftWarnsBeforeLeavingAndSavesWithCtrlS() {
        browser.open("/wiki/" + PAGE);
        browser.link("Edit").click();
        browser.waitForPath(p -> p.equals("/edit/" + PAGE));
        WebElement editor = browser.find("#markdown");
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nBring a banner and a tablecloth.\n");
        browser.waiting().until(d -> browser.script("return localStorage.getItem(arguments[0]);", DRAFT_KEY) != null);
        // Leaving now would ask first (headless Chromium shows no dialog, so the event is checked).
        assertThat(beforeUnloadIsBlocked()).isTrue();

        // Come back later (the browser was closed, say): the draft is offered and restored.
        browser.script("window.sessionStorage.clear();");
        browser.leave("/wiki/" + PAGE);
        browser.open("/edit/" + PAGE);
        WebElement offer = browser.find("#draft-offer");
        browser.waiting().until(d -> offer.isDisplayed());
        assertThat(offer.getText()).contains("unsaved draft");
        assertThat(browser.find("#markdown").getAttribute("value")).doesNotContain("tablecloth");
        Axe.check(browser, "the editor offering a draft");
        browser.screenshot("edit-draft");
        offer.findElement(By.cssSelector("button.draft-restore")).click();
        assertThat(browser.find("#markdown").getAttribute("value")).contains("Bring a banner and a tablecloth.");

        browser.find("#markdown").sendKeys(Keys.chord(Keys.CONTROL, "s"));
        browser.waitForPath(p -> p.equals("/wiki/" + PAGE));
        assertThat(browser.text(".page-body")).contains("Bring a banner and a tablecloth.");
        assertThat(browser.script("return localStorage.getItem(arguments[0]);", DRAFT_KEY)).isNull();
    }

    @Test
    @Order(3)
    void aConflictMadeByASecondSessionIsShownAndResolved() throws Exception {
        browser.open("/edit/" + PAGE);
        String mine = browser.find("#markdown").getAttribute("value");

        // Meanwhile, someone else changes the same line and saves first.
        TestWiki second = wiki; // its HTTP client holds a session of its own
        assertThat(second.login("second", "battery staple").statusCode()).isEqualTo(303);
        Document form = Jsoup.parse(second.get("/edit/" + PAGE).body());
        HttpResponse<String> theirs = second.postForm("/edit/" + PAGE, Map.of(
                "csrf_token", form.select("form.edit-form input[name=csrf_token]").attr("value"),
                "baseRevision", form.select("input[name=baseRevision]").attr("value"),
                "markdown", mine.replace("9am to noon", "10am to 1pm"),
                "message", "The school moved the fair", "action", "save"));
        assertThat(theirs.statusCode()).isEqualTo(303);

        WebElement editor = browser.find("#markdown");
        editor.clear();
        editor.sendKeys(mine.replace("9am to noon", "9am to noon, doors at 8:30"));
        browser.find("button[value=save]").click();
        browser.waiting().until(d -> !browser.findAll(".conflict").isEmpty());
        assertThat(browser.text("[role=alert]")).isNotBlank();
        assertThat(browser.text(".conflict details[open] pre")).contains("10am to 1pm");
        assertThat(browser.find("#markdown").getAttribute("value")).contains("doors at 8:30");
        Axe.check(browser, "the conflict screen");
        browser.screenshot("edit-conflict");

        editor = browser.find("#markdown");
        editor.clear();
        editor.sendKeys(mine.replace("9am to noon", "10am to 1pm, doors at 9:30"));
        browser.find("#message").sendKeys("Combine the new times with the doors");
        browser.find("button[value=save]").click();
        browser.waitForPath(p -> p.equals("/wiki/" + PAGE));
        assertThat(browser.text(".page-body")).contains("Lincoln High gym, 10am to 1pm, doors at 9:30.");
    }

    @Test
    @Order(4)
    void anEditorUploadsAHandoutAndLinksIt() throws Exception {
        Path handout = dir.resolve("fair-handout.pdf");
        Files.writeString(handout, "%PDF-1.4\n% a tiny handout for the test\n%%EOF\n");
        browser.open("/wiki/" + PAGE);
        browser.find("#upload-file").sendKeys(handout.toAbsolutePath().toString());
        browser.find("form.upload-form button[type=submit]").click();
        browser.waiting().until(d -> browser.findAll("#attachments a").stream()
                .anyMatch(a -> a.getText().equals("fair-handout.pdf")));

        browser.link("Edit").click();
        browser.waitForPath(p -> p.equals("/edit/" + PAGE));
        String snippet = "[fair-handout.pdf](/wiki/" + PAGE + "/fair-handout.pdf)";
        assertThat(browser.text(".cheat-sheet")).contains(snippet);
        browser.find("#markdown").sendKeys(Keys.chord(Keys.CONTROL, Keys.END),
                "\nPrint the [fair handout](/wiki/" + PAGE + "/fair-handout.pdf) for the table.\n");
        browser.find("button[value=save]").click();
        browser.waitForPath(p -> p.equals("/wiki/" + PAGE));
        WebElement link = browser.link("fair handout");
        assertThat(link.getAttribute("href")).endsWith("/wiki/" + PAGE + "/fair-handout.pdf");
        assertThat(link.getAttribute("class")).doesNotContain("missing");
        HttpResponse<String> file = wiki.get("/wiki/" + PAGE + "/fair-handout.pdf");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF-1.4");
        browser.screenshot("editor-upload");
    }

    @Test
    @Order(5)
    void printedPagesDropTheNavigationAndShowWhereLinksGo() {
        browser.open("/wiki/" + PAGE);
        browser.emulate("print", "light");
        try {
            assertThat(browser.script("return getComputedStyle(document.querySelector('.site-header')).display;"))
                    .isEqualTo("none");
            assertThat(browser.script("return getComputedStyle(document.querySelector('.page-actions')).display;"))
                    .isEqualTo("none");
            assertThat(browser.script("return getComputedStyle(document.querySelector("
                    + "'.page-body a[href^=\"https://www.example.org\"]'), '::after').content;").toString())
                    .contains("https://www.example.org/fair");
        } finally {
            browser.emulate("", "light");
        }
    }

    @Test
    @Order(6)
    void anEditorViewsHistoryComparesTwoRevisionsAndReverts() {
        browser.open("/wiki/" + PAGE);
        browser.link("History").click();
        browser.waitForPath(p -> p.equals("/history/" + PAGE));
        List<WebElement> entries = browser.findAll("tr.history-entry");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.text(".history-table")).contains("The school moved the fair",
                "Combine the new times with the doors");
        Axe.check(browser, "a page's history");
        browser.screenshot("history");

        // Compare the first revision with the newest.
        WebElement oldest = entries.get(entries.size() - 1);
        oldest.findElement(By.cssSelector("input[name=from]")).click();
        entries.get(0).findElement(By.cssSelector("input[name=to]")).click();
        browser.find("form.compare-form > button[type=submit]").click();
        browser.waitForPath(p -> p.startsWith("/diff/" + PAGE + "?"));
        assertThat(browser.text("h1")).isEqualTo("Changes to " + PAGE);
        assertThat(browser.text("table.diff")).contains("9am to noon", "10am to 1pm, doors at 9:30");
        assertThat(browser.findAll("table.diff del, table.diff ins")).isNotEmpty();
        Axe.check(browser, "a comparison of two revisions");
        browser.screenshot("diff");
        browser.link("Inline").click();
        browser.waitForPath(p -> p.contains("view=inline"));
        Axe.check(browser, "an inline comparison");

        browser.open("/blame/" + PAGE);
        Axe.check(browser, "who wrote each line");

        // Revert to the first revision: its text comes back as a new revision; history stays.
        browser.open("/history/" + PAGE);
        entries = browser.findAll("tr.history-entry");
        entries.get(entries.size() - 1).findElement(By.cssSelector("button[form^=revert-]")).click();
        browser.waitForPath(p -> p.startsWith("/history/" + PAGE + "?reverted="));
        assertThat(browser.findAll("tr.history-entry")).hasSize(entries.size() + 1);
        browser.open("/wiki/" + PAGE);
        assertThat(browser.text(".page-body")).contains("Lincoln High gym, 9am to noon.")
                .doesNotContain("doors at 9:30");

        browser.open("/changes");
        assertThat(browser.text("main")).contains(PAGE);
        Axe.check(browser, "recent changes");
        browser.screenshot("changes");
    }

    /** Whether the editor asks before the page is left: a cancelled beforeunload event. */
    private static boolean beforeUnloadIsBlocked() {
        return Boolean.TRUE.equals(browser.script(
                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"));
    }
}
