package org.clearinghouse.app;

import java.nio.file.Path;
import java.util.Optional;
import org.clearinghouse.wiki.WikiLimits;

/**
 * What {@code serve} needs to build a running wiki.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param dataDir the data folder ({@code content.git}, indexes, {@code users.json})
 * @param seedDir the folder imported as the first commit when there is no repository yet
 * @param templatesDir a folder of templates used instead of the built-in ones when it exists
 * @param privateWiki true when every page needs a login
 * @param limits the largest page and file accepted
 * @param central a central Git repository (URL or path) this wiki shares, if any
 * @param syncSeconds how often to sync with the central repository
 * @param secureCookies mark the session cookie Secure on every response (behind a TLS proxy)
 */
public record ServerSettings(String host, int port, Path dataDir, Path seedDir, Path templatesDir,
        boolean privateWiki, WikiLimits limits, Optional<String> central, int syncSeconds, boolean secureCookies) {

    /** A public wiki with the default limits. */
    public ServerSettings(String host, int port, Path dataDir, Path seedDir, Path templatesDir) {
        this(host, port, dataDir, seedDir, templatesDir, false, WikiLimits.DEFAULT);
    }

    /** A wiki of its own (no central repository). */
    public ServerSettings(String host, int port, Path dataDir, Path seedDir, Path templatesDir,
            boolean privateWiki, WikiLimits limits) {
        this(host, port, dataDir, seedDir, templatesDir, privateWiki, limits, Optional.empty(), 5, false);
    }

    /** Shares a central repository, fetching from it every {@code syncSeconds}. */
    public ServerSettings(String host, int port, Path dataDir, Path seedDir, Path templatesDir,
            boolean privateWiki, WikiLimits limits, Optional<String> central, int syncSeconds) {
        this(host, port, dataDir, seedDir, templatesDir, privateWiki, limits, central, syncSeconds, false);
    }
}
