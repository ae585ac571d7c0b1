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
    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
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
        return startWith(dir, seed, templates, false, org.clearinghouse.wiki.WikiLimits.DEFAULT);
    }

    /** Starts a wiki with every setting given. */
    public static TestWiki startWith(Path dir, Path seed, Path templates, boolean privateWiki,
            org.clearinghouse.wiki.WikiLimits limits) {
        Path data = dir.resolve("data");
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, data, seed, templates, privateWiki, limits);
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

    /** Starts a wiki that shares the central repository {@code central}, syncing every second. */
    public static TestWiki startShared(Path dir, Path seed, String central) {
        Path data = dir.resolve("data");
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, data, seed, dir.resolve("no-templates"), false,
                org.clearinghouse.wiki.WikiLimits.DEFAULT, java.util.Optional.of(central), 1);
        return new TestWiki(Application.build(settings).start(), data);
    }

    /** Creates an account (with a fast test hash) in the data folder; the server picks it up. */
    public static void addAccount(Path dir, String name, String role, String password) {
        org.clearinghouse.account.AccountStore.open(dir.resolve("data"),
                org.clearinghouse.account.PasswordHasher.forTests())
                .add(name, name + " Display", name + "@example.org",
                        org.clearinghouse.account.Role.parse(role), password.toCharArray());
    }

    /** Sends a request as built by the caller, with this client's cookies. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a form (application/x-www-form-urlencoded) with this client's cookies. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The value of the CSRF field in the first form of an HTML page. */
    public static String csrfToken(String html) {
        return org.jsoup.Jsoup.parse(html).select("input[name^=csrf]").attr("value");
    }

    /** Logs this client in through the form; answers the response to the POST. */
    public HttpResponse<String> login(String name, String password) throws IOException, InterruptedException {
        String token = csrfToken(get("/login").body());
        return postForm("/login", Map.of("username", name, "password", password, "csrf_token", token, "next", "/"));
    }

    /** An Authorization header value for HTTP Basic. */
    public static String basic(String name, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (name + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
