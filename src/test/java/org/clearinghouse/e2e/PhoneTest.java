package org.clearinghouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.clearinghouse.app.TestWiki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site on a 375 px wide phone: nothing scrolls sideways, on reading, searching, listing,
 * history and editing pages, and the pages stay accessible at that size.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneTest {
    /** Every kind of page is checked with axe on a desktop; these again at phone width. */
    static final List<String> AXE_ON_A_PHONE = List.of("/", "/wiki/Recruitment-Clearinghouse",
            "/search?q=career+day", "/history/Career-Day/Planning", "/diff/Career-Day/Planning", "/changes");

    @TempDir
    static Path dir;

    static TestWiki wiki;
    static Browser browser;

    @BeforeAll
    static void start() {
        Seeds.account(dir, "editor", "Dana Reyes", "correct horse");
        wiki = TestWiki.startOn(dir, Path.of("content"));
        browser = Browser.phone(wiki.uri("").toString());
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
    void theViewportIsAPhones() {
        browser.open("/");
        assertThat(browser.script("return window.innerWidth;")).isEqualTo((long) Browser.PHONE_WIDTH);
    }

    @Test
    @Order(2)
    void readingAndSearchingNeverScrollSideways() {
        for (String path : List.of("/", "/wiki/Recruitment-Clearinghouse", "/wiki/Career-Day/Planning",
                "/wiki/Career-Day/Handouts-and-Giveaways", "/wiki/Resources/Print-and-Web-Resources",
                "/search?q=career+day", "/resources", "/pages", "/tags", "/tags/career-day", "/login",
                "/wiki/No-Such-Page", "/print/Career-Day", "/history/Career-Day/Planning",
                "/diff/Career-Day/Planning", "/blame/Career-Day/Planning", "/changes")) {
            browser.open(path);
            assertThat(browser.scrollWidth()).as("page width of %s at 375 px", path)
                    .isLessThanOrEqualTo(Browser.PHONE_WIDTH);
            if (AXE_ON_A_PHONE.contains(path)) {
                Axe.check(browser, path + " on a phone");
            }
        }
        browser.open("/");
        browser.screenshot("phone-home");
        browser.open("/wiki/Career-Day/Planning");
        browser.screenshot("phone-page");
        browser.open("/search?q=career+day");
        browser.screenshot("phone-search");
    }

    @Test
    @Order(3)
    void theEditorFitsAPhone() {
        browser.open("/login?next=/edit/Career-Day/Planning");
        browser.find("#username").sendKeys("editor");
        browser.find("#password").sendKeys("correct horse");
        browser.find("main form button[type=submit]").click();
        browser.waitForPath(p -> p.equals("/edit/Career-Day/Planning"));
        assertThat(browser.scrollWidth()).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
        Axe.check(browser, "the editor on a phone");
        browser.screenshot("phone-edit");
        browser.open("/edit/Career-Day/New-Fair");
        assertThat(browser.scrollWidth()).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
    }
}
