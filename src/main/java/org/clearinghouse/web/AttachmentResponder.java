package org.clearinghouse.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.wiki.Attachment;
import org.clearinghouse.wiki.Wiki;

/**
 * Serves files stored beside the pages (images, PDFs). Only a short list of types is served
 * inline; anything else is a download, and every attachment is sandboxed by its own
 * Content-Security-Policy so an uploaded HTML or SVG file cannot run script on this origin.
 */
final class AttachmentResponder {
    private static final Map<String, String> INLINE_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
            "webp", "image/webp", "pdf", "application/pdf", "txt", "text/plain; charset=utf-8",
            "csv", "text/csv; charset=utf-8");

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
        String type = INLINE_TYPES.get(extension);
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
        if (type == null) {
            ctx.contentType("application/octet-stream");
            ctx.header("Content-Disposition", "attachment");
        } else {
            ctx.contentType(type);
        }
        ctx.result(file.bytes());
    }
}
