package org.clearinghouse.web;

import io.javalin.http.HttpStatus;

/**
 * A request the web layer refuses on its own account (not logged in, not allowed, bad CSRF
 * token, too many attempts), with the status and a message for a person.
 */
final class HttpProblem extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    HttpProblem(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    static HttpProblem forbidden(String message) {
        return new HttpProblem(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    static HttpProblem unauthorized(String message) {
        return new HttpProblem(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(HttpStatus.BAD_REQUEST, "bad_request", message);
    }
}
