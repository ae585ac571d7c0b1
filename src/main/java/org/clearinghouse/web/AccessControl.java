package org.clearinghouse.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.clearinghouse.account.Account;
import org.clearinghouse.page.Author;

/**
 * Who may do what. Anyone reads a public wiki; a private one asks every visitor to log in first.
 * Editors and admins write. A browser that is not logged in is sent to the login form; an API
 * client gets 401 with a Basic challenge; a logged-in account without the role gets 403.
 */
final class AccessControl {
    static final String REALM = "Basic realm=\"Clearinghouse\", charset=\"UTF-8\"";

    private final Authenticator authenticator;
    private final boolean privateWiki;

    AccessControl(Authenticator authenticator, boolean privateWiki) {
        this.authenticator = authenticator;
        this.privateWiki = privateWiki;
    }

    /** Before every request: on a private wiki, nothing but the login form without an account. */
    void gate(Context ctx) {
        Optional<Account> account = authenticator.current(ctx);
        if (!privateWiki || account.isPresent() || isOpenToAll(ctx.path())) {
            return;
        }
        throw loginRequired(ctx);
    }

    /** The account, which must be allowed to edit. */
    Account requireEditor(Context ctx) {
        Account account = authenticator.current(ctx).orElseThrow(() -> loginRequired(ctx));
        if (!account.role().canEdit()) {
            throw HttpProblem.forbidden("Your account (" + account.role().id()
                    + ") may read but not edit. Ask an admin for the editor role.");
        }
        return account;
    }

    /** The account, which must be an admin. */
    Account requireAdmin(Context ctx) {
        Account account = authenticator.current(ctx).orElseThrow(() -> loginRequired(ctx));
        if (!account.role().canAdmin()) {
            throw HttpProblem.forbidden("Only admins may do this.");
        }
        return account;
    }

    Optional<Account> current(Context ctx) {
        return authenticator.current(ctx);
    }

    /** The Git author for an account's commits. */
    static Author author(Account account) {
        return new Author(account.displayName(), account.email());
    }

    private static boolean isOpenToAll(String path) {
        return path.equals("/login") || path.equals("/health") || path.equals("/robots.txt")
                || path.startsWith("/static/");
    }

    static HttpProblem loginRequired(Context ctx) {
        if (ctx.path().startsWith(ApiRoutes.PREFIX) || Authenticator.usesBasic(ctx)) {
            ctx.header("WWW-Authenticate", REALM);
        }
        return new HttpProblem(HttpStatus.UNAUTHORIZED, "login_required", "Please log in to continue.");
    }
}
