package org.clearinghouse.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the wiki until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Serve the wiki over HTTP. Each option can also be set by the environment "
                + "variable named in its description.")
final class ServeCommand implements Runnable {

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

    @Override
    public void run() {
        Application app = Application.build(new ServerSettings(host, port, data, seed, templates)).start();
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
