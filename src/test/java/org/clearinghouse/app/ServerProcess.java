package org.clearinghouse.app;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wiki as a real separate process ({@code java ... Main serve}), for what cannot be tested in
 * the JVM running the tests: SIGKILL, SIGTERM and the log of a fresh start. Started with this
 * JVM's own {@code java} and the test class path, on a free port it reports in its log; its
 * standard output and error go to a log file the test can read. Close it to kill it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code serve} on {@code data} (seeded from {@code seed} if new) and waits until it
     * listens. Each start appends to {@code log}, so a test can read what every start said.
     */
    static ServerProcess start(Path data, Path seed, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", classPath(), Main.class.getName(), "serve", "--host", "127.0.0.1", "--port", "0",
                "--data", data.toString(), "--seed", seed.toString(),
                "--templates", data.resolveSibling("no-templates").toString()));
        long before = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put(UserCommand.COST_VARIABLE, "4");
        Process process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher serving = SERVING.matcher(readFrom(log, before));
            if (serving.find()) {
                return new ServerProcess(process, log, Integer.parseInt(serving.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + ":\n"
                        + readFrom(log, before));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The server did not start in time:\n" + readFrom(log, before));
    }

    /** This JVM's own java launcher, so the server runs on the same Java as the tests. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    /**
     * The test class path. Surefire may run tests from a "manifest-only" jar whose manifest lists
     * the real path; it also publishes the real path itself, which is preferred.
     */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String readFrom(Path log, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                StandardCharsets.UTF_8);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Everything every start wrote to the shared log so far. */
    String log() throws IOException {
        return readFrom(log, 0);
    }

    /** SIGKILL: the process ends at once, with no shutdown hook. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM: the shutdown hook stops the server gracefully.
     *
     * @return the exit code, or -1 if it had not ended within {@code timeout}
     */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
