package org.clearinghouse.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The stylesheets and scripts packed in the jar under {@code templates/static}, served from
 * memory with an ETag. Each file is read from the class path once, on first request. Jetty's
 * class-path resources mounted the whole jar as a zip file system at start (indexing its
 * thousands of entries: a tenth of a warm start) to serve these few files. Thread-safe.
 */
final class BundledStaticFiles {
    private static final String FOLDER = "/templates/static/";
    /** Plain names only: no folders, no dots in front, so nothing outside the folder is reachable. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,80}\\.([a-z0-9]{1,5})");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css",
            "js", "text/javascript",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "txt", "text/plain");

    private record StaticFile(byte[] bytes, String type, String etag) {}

    private final Map<String, Optional<StaticFile>> files = new ConcurrentHashMap<>();

    /** Answers {@code GET /static/{file}}: the file, a 304, or the wiki's 404. */
    void serve(Context ctx) {
        Optional<StaticFile> file = find(ctx.pathParam("file"));
        if (file.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.header("ETag", file.get().etag());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, file.get().etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(file.get().type());
        ctx.result(file.get().bytes());
    }

    private Optional<StaticFile> find(String name) {
        var matcher = NAME.matcher(name);
        if (!matcher.matches() || !TYPES.containsKey(matcher.group(1))) {
            return Optional.empty();
        }
        return files.computeIfAbsent(name, n -> read(n, TYPES.get(matcher.group(1))));
    }

    private static Optional<StaticFile> read(String name, String type) {
        try (InputStream in = BundledStaticFiles.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new StaticFile(bytes, type, ETags.of(name, HexFormat.of().formatHex(sha256(bytes)))));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled file " + name, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
