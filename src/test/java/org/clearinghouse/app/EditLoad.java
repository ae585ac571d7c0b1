package org.clearinghouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many editors saving the same few pages at once through the JSON API, each from a stale base.
 * Each editor owns one line ("slot") of every page and writes numbered values into it, so the
 * final text shows which saves survived: the last acknowledged value of every slot, or (when the
 * server was killed) a later one whose answer was lost. Records every acknowledged save.
 * Thread-safe: one instance drives one load.
 */
final class EditLoad {
    static final List<String> PAGES = List.of("Shared/A", "Shared/B", "Shared/C");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One save the server answered with 200 or 201. */
    record Ack(int editor, int sequence, String page, String revision) {}

    private final URI base;
    private final String authorization;
    private final int editors;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> lastAcked = new ConcurrentHashMap<>();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final List<String> unanswered = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    EditLoad(URI base, String authorization, int editors) {
        this.base = base;
        this.authorization = authorization;
        this.editors = editors;
    }

    /** Writes the shared pages, one slot per editor, into a seed folder. */
    static void writeSeed(Path seed, int editors) throws IOException {
        for (String page : PAGES) {
            StringBuilder text = new StringBuilder("---\ntitle: Shared page " + page + "\n---\n\n");
            for (int slot = 0; slot < editors; slot++) {
                text.append("slot-").append(slot).append(": initial\n\nfiller paragraph ").append(slot).append("\n\n");
            }
            Path file = seed.resolve(page + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
    }

    /** Runs every editor until {@code duration} has passed or {@link #stop()} is called. */
    void run(Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> work = new ArrayList<>();
        for (int e = 0; e < editors; e++) {
            int editor = e;
            work.add(pool.submit(() -> editLoop(editor, end)));
        }
        for (Future<?> future : work) {
            future.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    /** Starts the load on its own thread; {@link #stop()} ends it. */
    Thread runInBackground(Duration max) {
        Thread thread = new Thread(() -> {
            try {
                run(max);
            } catch (Exception e) {
                unexpected.add("load ended with " + e);
            }
        }, "edit-load");
        thread.start();
        return thread;
    }

    void stop() {
        stop.set(true);
    }

    private void editLoop(int editor, long end) {
        String baseRevision = null;
        for (int n = 0; System.nanoTime() < end && !stop.get(); n++) {
            String page = PAGES.get((editor + n) % PAGES.size());
            // The word is for search: one that only this save wrote (StandardTokenizer keeps it whole).
            String value = "e" + editor + "-v" + n + " " + word(editor, n);
            try {
                if (baseRevision == null || n % 4 == 0) {
                    baseRevision = health();
                }
                for (int attempt = 0; attempt < 10 && !stop.get(); attempt++) {
                    String baseText = markdownAt(page, baseRevision);
                    String mine = baseText.replaceAll("slot-" + editor + ": [^\n]*\n",
                            "slot-" + editor + ": " + value + "\n");
                    HttpResponse<String> response;
                    try {
                        response = save(page, mine, baseRevision, "editor " + editor + " save " + n);
                    } catch (IOException lost) {
                        // Sent, but no answer came: the one case where a save may be written unacknowledged.
                        unanswered.add("editor " + editor + " save " + n + ": " + lost);
                        throw lost;
                    }
                    if (response.statusCode() == 200 || response.statusCode() == 201) {
                        String revision = JSON.readTree(response.body()).get("revision").asText();
                        acks.add(new Ack(editor, n, page, revision));
                        lastAcked.put(page + "#" + editor, n);
                        break;
                    }
                    if (response.statusCode() == 409) {
                        conflicts.incrementAndGet();
                        baseRevision = JSON.readTree(response.body()).get("revision").asText();
                        continue;
                    }
                    if (response.statusCode() == 503) {
                        failures.incrementAndGet(); // refused while the server stops: nothing written
                        break;
                    }
                    unexpected.add(response.statusCode() + " " + response.body());
                    break;
                }
            } catch (IOException e) {
                // The server went away (killed or stopping): this save's outcome is unknown.
                failures.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The search word of one save: found only while that save's value is the current one. */
    static String word(int editor, int sequence) {
        return "tok" + editor + "x" + sequence;
    }

    private String health() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/health");
        if (response.statusCode() != 200) {
            throw new IOException("health: " + response.statusCode()); // e.g. 503 while the server stops
        }
        return JSON.readTree(response.body()).get("revision").asText();
    }

    private String markdownAt(String page, String revision) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/pages/" + page + "?revision=" + revision);
        if (response.statusCode() != 200) {
            throw new IOException("reading " + page + " at " + revision + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("markdown").asText();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> save(String page, String markdown, String baseRevision, String message)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("markdown", markdown).put("baseRevision", baseRevision)
                .put("message", message);
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1/pages/" + page))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    int conflicts() {
        return conflicts.get();
    }

    int failures() {
        return failures.get();
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** The saves sent whose answer never came (connection refused or closed), with the error. */
    List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    /** The unanswered saves that reached the server (not refused at connect): their outcome is unknown. */
    List<String> lostInFlight() {
        return unanswered.stream().filter(e -> !e.contains("ConnectException")).toList();
    }

    /**
     * Every acknowledged save is in the final texts: each editor's slot holds its last
     * acknowledged value, or with {@code exact} false a later one (an answer lost in a crash).
     */
    void assertEverySaveSurvives(Map<String, String> finalTexts, boolean exact) {
        lastAcked.forEach((key, sequence) -> {
            String[] parts = key.split("#");
            String text = finalTexts.get(parts[0]);
            Matcher slot = Pattern.compile("slot-" + parts[1] + ": e" + parts[1] + "-v(\\d+) ").matcher(text);
            assertThat(slot.find()).as("slot %s of %s in%n%s", parts[1], parts[0], text).isTrue();
            int found = Integer.parseInt(slot.group(1));
            if (exact) {
                assertThat(found).as(key).isEqualTo(sequence);
            } else {
                assertThat(found).as(key).isGreaterThanOrEqualTo(sequence);
            }
        });
    }

    /**
     * The sequence number each editor's slot holds in {@code text} of {@code page}, by editor;
     * editors whose slot is still the initial text are absent.
     */
    static Map<Integer, Integer> slotValues(String text) {
        Map<Integer, Integer> values = new java.util.TreeMap<>();
        Matcher slot = Pattern.compile("slot-(\\d+): e\\d+-v(\\d+) ").matcher(text);
        while (slot.find()) {
            values.put(Integer.parseInt(slot.group(1)), Integer.parseInt(slot.group(2)));
        }
        return values;
    }

    /** Runs {@code git} on a repository and answers its standard output; fails on a non-zero exit. */
    static String git(Path gitDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    /** The branch's commits, newest first. */
    static List<String> commits(Path gitDir) throws IOException, InterruptedException {
        return List.of(git(gitDir, "rev-list", "main").split("\n"));
    }

    /** Checks the whole repository: every object readable, every link sound. */
    static void assertFsckClean(Path gitDir) throws IOException, InterruptedException {
        git(gitDir, "fsck", "--full", "--strict", "--no-dangling");
    }

    /** The JSON of a response, for tests. */
    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
