package org.clearinghouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests: Debian's {@code chromium} driven by Debian's
 * {@code chromedriver}, both at fixed paths, so Selenium Manager never runs and nothing is
 * downloaded at test time ({@code .ci/run} installs both with apt). When either is missing the
 * tests fail with a message saying how to install them; they are never skipped.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("clearinghouse.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("clearinghouse.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int PHONE_WIDTH = 375;

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A desktop-sized browser (1280 × 900) with JavaScript on. */
    static Browser desktop(String base) {
        return start(base, options(true, "--window-size=1280,900"));
    }

    /** A phone-sized browser: a 375 px wide viewport, as a small phone has. */
    static Browser phone(String base) {
        ChromeOptions options = options(true, "--window-size=" + PHONE_WIDTH + ",812");
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", PHONE_WIDTH, "height", 740, "pixelRatio", 1.0, "touch", true)));
        return start(base, options);
    }

    /** A desktop browser with JavaScript switched off, as some visitors have it. */
    static Browser withoutJavaScript(String base) {
        ChromeOptions options = options(false, "--window-size=1280,900");
        return start(base, options);
    }

    private static ChromeOptions options(boolean javascript, String windowSize) {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("The browser tests need Chromium at %s. Install it with "
                        + "`apt-get install -y chromium chromium-driver` (as .ci/run does), or point "
                        + "-Dclearinghouse.chromium at a Chromium binary.", CHROMIUM)
                .isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER))
                .as("The browser tests need chromedriver at %s. Install it with "
                        + "`apt-get install -y chromium-driver` (as .ci/run does), or point "
                        + "-Dclearinghouse.chromedriver at a chromedriver matching the browser.", CHROMEDRIVER)
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-US", windowSize);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", "en-US");
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        return options;
    }

    private static Browser start(String base, ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the wiki under test. */
    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The path (and query) of the current address, without the server part. */
    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** A link in the main content by its visible text. */
    WebElement link(String text) {
        return driver.findElement(By.cssSelector("main")).findElement(By.linkText(text));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class); // the page was replaced while looking
        return wait;
    }

    /** Clicks something that loads a new page (a form's submit button) and waits for that page. */
    void clickAndWaitForNewPage(WebElement element) {
        element.click();
        waiting().until(d -> isGone(element));
    }

    /**
     * True once the element's page has been replaced. Chrome reports an element whose document is
     * being swapped out either as stale or, for a moment, as a node that "does not belong to the
     * document"; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Waits until a new page has loaded after a click that navigates. */
    void waitForPath(java.util.function.Predicate<String> test) {
        waiting().until(d -> test.test(path()));
    }

    /** Waits until the element's text contains {@code text}. */
    void waitForText(String css, String text) {
        waiting().until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /** Opens a path, agreeing if the page shown asks before being left (an editor with changes). */
    void leave(String path) {
        try {
            driver.get(base + path);
        } catch (UnhandledAlertException e) {
            driver.get(base + path);
        }
        try {
            new WebDriverWait(driver, Duration.ofMillis(500)).until(ExpectedConditions.alertIsPresent()).accept();
        } catch (TimeoutException e) {
            // No question was asked.
        }
    }

    /** Emulates the system's colour scheme ("light" or "dark") or print media, as CSS sees it. */
    void emulate(String media, String colorScheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    /** The page's full width in CSS pixels: wider than the viewport means sideways scrolling. */
    long scrollWidth() {
        return ((Number) script("return document.documentElement.scrollWidth;")).longValue();
    }

    /** Saves what the browser shows as target/screenshots/NAME.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the current page to PDF (print stylesheet applied) as target/screenshots/NAME.pdf. */
    Path printToPdf(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".pdf");
            Files.write(file, Base64.getDecoder().decode(driver.print(new PrintOptions()).getContent()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
