package org.clearinghouse.web;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Synchronizer tokens against cross-site request forgery: one random token per session, put in
 * every state-changing form (field {@value #FIELD}) and checked on every such POST. Script
 * callers may send it in the {@value #HEADER} header instead. Thread-safe.
 */
final class Csrf {
    static final String FIELD = "csrf_token";
    static final String HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /** The session's token, created (with the session) on first use. */
    static String token(Context ctx) {
        String token = ctx.sessionAttribute(SESSION_KEY);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.sessionAttribute(SESSION_KEY, token);
        }
        return token;
    }

    /** Refuses the request with 403 unless it carries the session's token. */
    static void verify(Context ctx) {
        String expected = ctx.req().getSession(false) == null ? null : ctx.sessionAttribute(SESSION_KEY);
        String given = ctx.header(HEADER);
        if (given == null) {
            given = ctx.formParam(FIELD);
        }
        if (expected == null || given == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw HttpProblem.forbidden("This form has expired or did not come from this site. "
                    + "Go back, reload the page and try again.");
        }
    }
}
