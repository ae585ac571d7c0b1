package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearinghouse.account.Account;

/** The login form, logging in (a fresh session id) and logging out (POST with a CSRF token). */
final class LoginRoutes {
    private final Authenticator authenticator;
    private final Pages pages;

    LoginRoutes(Authenticator authenticator, Pages pages) {
        this.authenticator = authenticator;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/login", ctx -> showForm(ctx, HttpStatus.OK, ""));
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
    }

    private void showForm(Context ctx, HttpStatus status, String error) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
        model.put("error", error);
        model.put("username", ctx.formParam("username") == null ? "" : ctx.formParam("username"));
        ctx.status(status);
        pages.sendForm(ctx, "login", model);
    }

    private void login(Context ctx) {
        Csrf.verify(ctx);
        String name = ctx.formParam("username");
        String password = ctx.formParam("password");
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            showForm(ctx, HttpStatus.BAD_REQUEST, "Enter your user name and password.");
            return;
        }
        Account account;
        try {
            account = authenticator.check(ctx, name.strip(), password.toCharArray());
        } catch (HttpProblem problem) {
            showForm(ctx, problem.status(), problem.getMessage());
            return;
        }
        authenticator.startSession(ctx, account);
        Csrf.token(ctx);
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Csrf.verify(ctx);
        authenticator.endSession(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** Only a local path may follow a login: never another site (open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }
}
