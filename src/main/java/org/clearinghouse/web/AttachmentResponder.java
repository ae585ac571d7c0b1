package org.clearinghouse.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.wiki.Attachment;
import org.clearinghouse.wiki.Wiki;

/**
 * Serves files stored beside the pages (images, PDF handouts, slides) with their real content
 * type. Anything a browser could run as a document on this origin (HTML, SVG, XML) and anything
 * of an unknown type is sent as a download, and every file is sandboxed by its own
 * Content-Security-Policy, so an uploaded file can never run script here.
 */
final class AttachmentResponder {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("mp4", "video/mp4"), Map.entry("zip", "application/zip"),
            Map.entry("doc", "application/msword"), Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("xhtml", "application/xhtml+xml"), Map.entry("svg", "image/svg+xml"),
            Map.entry("xml", "application/xml"), Map.entry("js", "text/javascript"), Map.entry("json", "application/json"));

    /** Types a browser would render as an active document: always downloaded, never shown. */
    private static final Set<String> ACTIVE = Set.of("html", "htm", "xhtml", "svg", "xml", "js", "json");

    private final Wiki wiki;

    AttachmentResponder(Wiki wiki) {
        this.wiki = wiki;
    }

    /** True when {@code path} names an attachment rather than a page. */
    boolean serves(String path, Optional<String> revision) {
        return revision.isEmpty() && wiki.snapshot().attachment(path).isPresent();
    }

    void respond(Context ctx, String path, Optional<String> revision) {
        Attachment file = wiki.attachment(path, revision);
        if (ETags.notModified(ctx, "\"" + file.blobId() + "\"")) {
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        // Replaces the site-wide policy, so it repeats what must hold everywhere (no plugins, no <base>, no framing).
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        if (type == null || ACTIVE.contains(extension)) {
            ctx.contentType(type == null ? "application/octet-stream" : type);
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        } else {
            ctx.contentType(type);
            ctx.header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        }
        ctx.result(file.bytes());
    }
}
