package org.clearinghouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real wiki server for tests: seeds a temporary folder, starts on a free loopback port, and
 * offers a small HTTP client. Close it to stop the server.
 */
public final class TestWiki implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Application app;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDir;

    private TestWiki(Application app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
    }

    /** Writes {@code pages} (repository path to text) into a seed folder and starts a wiki on it. */
    public static TestWiki start(Path dir, Map<String, String> pages) throws IOException {
        Path seed = dir.resolve("seed");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = seed.resolve(page.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.getValue());
        }
        return startOn(dir, seed);
    }

    /** Starts a wiki seeded from an existing folder, with the templates built into the jar. */
    public static TestWiki startOn(Path dir, Path seed) {
        return startOn(dir, seed, dir.resolve("no-templates"));
    }

    /** Starts a wiki seeded from an existing folder, with templates from {@code templates} if it exists. */
    public static TestWiki startOn(Path dir, Path seed, Path templates) {
        Path data = dir.resolve("data");
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, data, seed, templates);
        return new TestWiki(Application.build(settings).start(), data);
    }

    public Application app() {
        return app;
    }

    public Path gitDir() {
        return dataDir.resolve("content.git");
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path).body());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        app.close();
    }
}
