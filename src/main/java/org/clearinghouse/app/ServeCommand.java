package org.clearinghouse.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.clearinghouse.wiki.WikiLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the wiki until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Serve the wiki over HTTP. Each option can also be set by the environment "
                + "variable named in its description.")
final class ServeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:CLEARINGHOUSE_PORT:-8080}",
            description = "Port to listen on (CLEARINGHOUSE_PORT).")
    int port;

    @Option(names = "--host", defaultValue = "${env:CLEARINGHOUSE_HOST:-127.0.0.1}",
            description = "Address to listen on; 0.0.0.0 for every interface (CLEARINGHOUSE_HOST).")
    String host;

    @Option(names = "--data", defaultValue = "${env:CLEARINGHOUSE_DATA:-./data}",
            description = "Data folder: content.git and derived indexes (CLEARINGHOUSE_DATA).")
    Path data;

    @Option(names = "--seed", defaultValue = "${env:CLEARINGHOUSE_SEED:-./content}",
            description = "Folder of pages imported as the first commit of a new wiki (CLEARINGHOUSE_SEED).")
    Path seed;

    @Option(names = "--templates", defaultValue = "${env:CLEARINGHOUSE_TEMPLATES:-./templates}",
            description = "Templates folder used instead of the built-in templates when it exists "
                    + "(CLEARINGHOUSE_TEMPLATES).")
    Path templates;

    @Option(names = "--remote", defaultValue = "${env:CLEARINGHOUSE_REMOTE}",
            description = "A central Git repository (URL or path) shared with other instances: local saves "
                    + "are pushed, its commits merged in (CLEARINGHOUSE_REMOTE).")
    String remote;

    @Option(names = "--sync-seconds", defaultValue = "${env:CLEARINGHOUSE_SYNC_SECONDS:-5}",
            description = "How often to fetch from the central repository (CLEARINGHOUSE_SYNC_SECONDS).")
    int syncSeconds;

    @Option(names = "--private", defaultValue = "${env:CLEARINGHOUSE_PRIVATE:-false}",
            description = "Require a login to read any page (CLEARINGHOUSE_PRIVATE).")
    boolean privateWiki;

    @Option(names = "--max-page-kib", defaultValue = "${env:CLEARINGHOUSE_MAX_PAGE_KIB:-1024}",
            description = "Largest page text accepted, in KiB (CLEARINGHOUSE_MAX_PAGE_KIB).")
    int maxPageKib;

    @Option(names = "--max-file-mb", defaultValue = "${env:CLEARINGHOUSE_MAX_FILE_MB:-10}",
            description = "Largest attachment accepted, in MB (CLEARINGHOUSE_MAX_FILE_MB).")
    int maxFileMb;

    @Option(names = "--secure-cookies", defaultValue = "${env:CLEARINGHOUSE_SECURE_COOKIES:-false}",
            description = "Mark the session cookie Secure on every response: the wiki is behind a proxy that ends "
                    + "TLS (CLEARINGHOUSE_SECURE_COOKIES).")
    boolean secureCookies;

    @Override
    public void run() {
        if (maxPageKib < 1 || maxFileMb < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-page-kib and --max-file-mb must be at least 1.");
        }
        WikiLimits limits = new WikiLimits(maxPageKib * 1024, maxFileMb * 1_000_000L);
        Application app = Application.build(new ServerSettings(host, port, data, seed, templates,
                privateWiki, limits, java.util.Optional.ofNullable(remote).filter(r -> !r.isBlank()),
                Math.max(1, syncSeconds), secureCookies)).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
