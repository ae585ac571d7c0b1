package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.clearinghouse.page.EditConflictException;
import org.clearinghouse.page.InvalidFrontMatterException;
import org.clearinghouse.page.InvalidPageNameException;
import org.clearinghouse.page.PageExistsException;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PageTooLargeException;
import org.clearinghouse.page.RenderFailedException;
import org.clearinghouse.page.RevisionNotFoundException;
import org.clearinghouse.page.UnavailableException;
import org.clearinghouse.page.WikiException;
import org.clearinghouse.page.PagePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to one status and a message a person understands: JSON
 * {@code {"error","message"}} under the API, an HTML page elsewhere. Unexpected exceptions are
 * logged with their stack trace and answered with a plain 500 that shows none of it.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    /** Marks a response whose error was already answered, so the 404 fallback leaves it alone. */
    private static final String ANSWERED = "clearinghouse.error-answered";

    private final Pages pages;

    ErrorResponses(Pages pages) {
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.exception(EditConflictException.class, this::conflict);
        routes.exception(WikiException.class, (e, ctx) -> answer(ctx, status(e, ctx), e.code(), e.getMessage()));
        routes.exception(HttpProblem.class, this::problem);
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx,
                HttpStatus.forStatus(e.getStatus()), "http_" + e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            if (isMalformedRequest(e)) {
                answer(ctx, HttpStatus.BAD_REQUEST, "bad_request",
                        "The request could not be read: its form or body is malformed.");
                return;
            }
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                    "Something went wrong on our side. The problem has been logged.");
        });
        routes.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                answer(ctx, HttpStatus.NOT_FOUND, "not_found", "There is nothing at this address.");
            }
        });
        routes.error(405, ctx -> answer(ctx, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                "This address does not accept that kind of request."));
    }

    /**
     * Jetty reports a body it cannot parse (a broken multipart upload, a bad form encoding) as a
     * BadMessageException, wrapped in whatever asked for the parameters: the client's fault, a 400.
     */
    private static boolean isMalformedRequest(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.eclipse.jetty.http.BadMessageException) {
                return true;
            }
        }
        return false;
    }

    /** A login is needed: a browser asking for a page is sent to the form; others get 401. */
    private void problem(HttpProblem problem, Context ctx) {
        boolean browserGet = ctx.method() == HandlerType.GET && !ctx.path().startsWith(ApiRoutes.PREFIX)
                && !Authenticator.usesBasic(ctx);
        if (problem.code().equals("login_required") && browserGet) {
            String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        answer(ctx, problem.status(), problem.code(), problem.getMessage());
    }

    /** Under the API a conflict carries all three texts, so a client can resolve it. */
    private void conflict(EditConflictException e, Context ctx) {
        if (!ctx.path().startsWith(ApiRoutes.PREFIX)) {
            answer(ctx, HttpStatus.CONFLICT, e.code(), e.getMessage());
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", e.code());
        json.put("message", e.getMessage());
        json.put("yours", e.yours());
        json.put("theirs", e.theirs());
        json.put("merged", e.merged());
        json.put("revision", e.currentRevision());
        ctx.status(HttpStatus.CONFLICT).json(json);
    }

    /**
     * The status for an engine error. A bad name or revision in a link (GET) is simply not
     * found; in a request that changes something it is the request that is wrong (400).
     */
    static HttpStatus status(WikiException e, Context ctx) {
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        if (e instanceof PageNotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof InvalidPageNameException || e instanceof RevisionNotFoundException) {
            return read ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        }
        if (e instanceof EditConflictException || e instanceof PageExistsException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof InvalidFrontMatterException) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (e instanceof PageTooLargeException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (e instanceof RenderFailedException) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (e instanceof UnavailableException) {
            ctx.header("Retry-After", "2");
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_REQUEST;
    }

    void answer(Context ctx, HttpStatus status, String code, String message) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status);
        if (ctx.path().startsWith(ApiRoutes.PREFIX)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("error", code);
            json.put("message", message);
            ctx.json(json);
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status.getCode());
        model.put("message", message);
        model.put("createPath", createPath(ctx, status));
        try {
            pages.send(ctx, "error", model);
        } catch (RuntimeException e) {
            // The error page itself failed (e.g. a broken template on disk): still answer plainly.
            LOG.error("Could not render the error page", e);
            ctx.contentType("text/plain; charset=utf-8").result(status.getCode() + " " + message);
        }
    }

    /** On a 404 under /wiki/ for a valid name, the page can be created: offer the link. */
    private static String createPath(Context ctx, HttpStatus status) {
        String path = ctx.path();
        if (status != HttpStatus.NOT_FOUND || ctx.queryParam("revision") != null) {
            return "";
        }
        String name = path.equals("/") ? PageRoutes.HOME
                : path.startsWith("/wiki/") ? path.substring("/wiki/".length()) : null;
        if (name == null) {
            return "";
        }
        String decoded = java.net.URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        return PagePath.tryOf(decoded).map(PagePath::toString).orElse("");
    }
}
