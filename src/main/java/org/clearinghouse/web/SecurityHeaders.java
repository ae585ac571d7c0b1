package org.clearinghouse.web;

import io.javalin.http.Context;

/**
 * Strict headers on every response. The pages carry no inline script or style, so the
 * Content-Security-Policy can forbid both; framing is refused against clickjacking.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' https: data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        apply(ctx::header);
    }

    /** The same headers through any setter (e.g. a servlet response outside Javalin). */
    static void apply(java.util.function.BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "same-origin");
        header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
    }
}
