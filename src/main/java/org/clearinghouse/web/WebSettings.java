package org.clearinghouse.web;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the web layer is set up.
 *
 * @param siteName the name shown in the header and titles
 * @param templatesDir a folder of Pebble templates (and {@code static/} assets) to use instead of
 *     the copies inside the jar, when it exists
 * @param privateWiki true when every page needs a login
 * @param maxFileBytes the largest attachment accepted
 */
public record WebSettings(String siteName, Optional<Path> templatesDir, boolean privateWiki, long maxFileBytes) {

    public static WebSettings defaults() {
        return new WebSettings("Clearinghouse", Optional.empty(), false, 10L * 1000 * 1000);
    }
}
