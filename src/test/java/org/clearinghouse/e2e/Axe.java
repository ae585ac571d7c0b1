package org.clearinghouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (vendored under src/test/resources/axe) inside the page the browser shows and
 * fails on any serious or critical violation of WCAG 2.0/2.1 level A or AA. Needs JavaScript
 * on in the browser (axe runs on the page's timers).
 */
final class Axe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = load();
    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
              resultTypes: ['violations']
            }).then(function (r) { done(JSON.stringify(r.violations)); },
                    function (e) { done(JSON.stringify({ error: String(e) })); });
            """;

    private Axe() {}

    /** Asserts that the page now shown has no serious or critical WCAG 2 A/AA violation. */
    static void check(Browser browser, String what) {
        WebDriver driver = browser.driver();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        String result = (String) js.executeAsyncScript(RUN);
        JsonNode violations;
        try {
            violations = JSON.readTree(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(violations.has("error")).as("axe failed on %s: %s", what, result).isFalse();
        List<String> failures = new ArrayList<>();
        for (JsonNode violation : violations) {
            if (!FAILING.contains(violation.path("impact").asText())) {
                continue;
            }
            StringBuilder line = new StringBuilder().append(violation.path("impact").asText()).append(' ')
                    .append(violation.path("id").asText()).append(": ").append(violation.path("help").asText());
            for (JsonNode node : violation.path("nodes")) {
                line.append("\n      at ").append(node.path("target")).append(' ')
                        .append(node.path("failureSummary").asText().replace('\n', ' '));
            }
            failures.add(line.toString());
        }
        assertThat(failures).as("WCAG 2 A/AA violations on %s (%s)", what, browser.url()).isEmpty();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe.min.js is vendored in src/test/resources/axe").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
