package org.clearinghouse.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the web layer is set up.
 *
 * @param siteName the name shown in the header and titles
 * @param templatesDir a folder of Pebble templates (and {@code static/} assets) to use instead of
 *     the copies inside the jar, when it exists
 * @param privateWiki true when every page needs a login
 * @param maxFileBytes the largest attachment accepted
 * @param sessionTimeout how long a login lasts without a request before the server forgets it
 */
public record WebSettings(String siteName, Optional<Path> templatesDir, boolean privateWiki, long maxFileBytes,
        Duration sessionTimeout, boolean secureCookies) {

    /** A working day: long enough for a long edit, short enough that a forgotten login ends. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofHours(8);

    /** Settings with the default session timeout. */
    public WebSettings(String siteName, Optional<Path> templatesDir, boolean privateWiki, long maxFileBytes) {
        this(siteName, templatesDir, privateWiki, maxFileBytes, DEFAULT_SESSION_TIMEOUT, false);
    }

    /** The same settings with another session timeout. */
    public WebSettings withSessionTimeout(Duration timeout) {
        return new WebSettings(siteName, templatesDir, privateWiki, maxFileBytes, timeout, secureCookies);
    }

    /**
     * The same settings, with the session cookie marked {@code Secure} on every response, not only
     * on requests that reached the server over HTTPS: for a wiki behind a proxy that ends TLS.
     */
    public WebSettings withSecureCookies(boolean secure) {
        return new WebSettings(siteName, templatesDir, privateWiki, maxFileBytes, sessionTimeout, secure);
    }

    public static WebSettings defaults() {
        return new WebSettings("Clearinghouse", Optional.empty(), false, 10L * 1000 * 1000);
    }
}
