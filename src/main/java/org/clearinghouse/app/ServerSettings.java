package org.clearinghouse.app;

import java.nio.file.Path;

/**
 * What {@code serve} needs to build a running wiki.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param dataDir the data folder ({@code content.git}, later the indexes and accounts)
 * @param seedDir the folder imported as the first commit when there is no repository yet
 * @param templatesDir a folder of templates used instead of the built-in ones when it exists
 */
public record ServerSettings(String host, int port, Path dataDir, Path seedDir, Path templatesDir) {}
