package org.clearinghouse.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.clearinghouse.account.Account;
import org.clearinghouse.account.AccountStore;
import org.clearinghouse.account.LoginThrottle;

/**
 * Who is making a request: the account in the session (browser) or in HTTP Basic credentials
 * (API clients). Both paths share one throttle, so guessing passwords is slow whichever way it is
 * tried. The account is looked up on every request, so a removed account or a changed role takes
 * effect at once. Thread-safe.
 */
final class Authenticator {
    private static final String SESSION_USER = "user";

    private final AccountStore accounts;
    private final LoginThrottle throttle;
    private final VerifiedCredentials verified = new VerifiedCredentials();

    Authenticator(AccountStore accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /** The request's account: Basic credentials when sent, else the session's. */
    Optional<Account> current(Context ctx) {
        String cached = ctx.attribute("account-resolved");
        if (cached != null) {
            return ctx.attribute("account");
        }
        Optional<Account> account = basicCredentials(ctx).isPresent() ? basic(ctx) : session(ctx);
        ctx.attribute("account-resolved", "yes");
        ctx.attribute("account", account);
        return account;
    }

    /** True when the request authenticates with a Basic header rather than a session cookie. */
    static boolean usesBasic(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private Optional<Account> session(Context ctx) {
        if (ctx.req().getSession(false) == null) {
            return Optional.empty();
        }
        String name = ctx.sessionAttribute(SESSION_USER);
        return name == null ? Optional.empty() : accounts.find(name);
    }

    private Optional<Account> basic(Context ctx) {
        return Optional.of(basic(ctx.header("Authorization"), ctx.ip(), ctx::header));
    }

    /**
     * Checks HTTP Basic credentials (outside Javalin too, e.g. for Git over HTTP).
     *
     * @param setHeader receives the Retry-After header when throttled
     * @throws HttpProblem 401 when absent or wrong, 429 while throttled
     */
    Account basic(String authorization, String clientAddress, java.util.function.BiConsumer<String, String> setHeader) {
        String[] credentials = parseBasic(authorization)
                .orElseThrow(() -> HttpProblem.unauthorized("Log in with your wiki account."));
        char[] password = credentials[1].toCharArray();
        Optional<Account> known = accounts.find(credentials[0]);
        if (known.isPresent() && throttle.retryAfter(credentials[0], clientAddress).isEmpty()
                && verified.lookup(credentials[0], password, known.get().passwordHash()).isPresent()) {
            return known.get();
        }
        Account account = check(credentials[0], password.clone(), clientAddress, setHeader);
        verified.remember(account.name(), password, account.passwordHash());
        java.util.Arrays.fill(password, '\0');
        return account;
    }

    /**
     * Checks a name and password against the throttle and the accounts.
     *
     * @throws HttpProblem 429 while throttled, 401 when wrong
     */
    Account check(Context ctx, String name, char[] password) {
        return check(name, password, ctx.ip(), ctx::header);
    }

    private Account check(String name, char[] password, String clientAddress,
            java.util.function.BiConsumer<String, String> setHeader) {
        Optional<Duration> wait = throttle.retryAfter(name, clientAddress);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            setHeader.accept("Retry-After", Long.toString(seconds));
            throw new HttpProblem(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed attempts to log in. Try again in " + seconds + " seconds.");
        }
        Optional<Account> account = accounts.authenticate(name, password);
        java.util.Arrays.fill(password, '\0');
        if (account.isEmpty()) {
            throttle.recordFailure(name, clientAddress);
            throw HttpProblem.unauthorized("The user name or password is wrong.");
        }
        throttle.recordSuccess(name, clientAddress);
        return account.get();
    }

    /** Logs a browser in: a new session id (no fixation), then the account in the session. */
    void startSession(Context ctx, Account account) {
        if (ctx.req().getSession(false) != null) {
            ctx.req().changeSessionId();
        }
        ctx.sessionAttribute(SESSION_USER, account.name());
    }

    void endSession(Context ctx) {
        var session = ctx.req().getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static Optional<String[]> basicCredentials(Context ctx) {
        return usesBasic(ctx) ? parseBasic(ctx.header("Authorization")) : Optional.empty();
    }

    private static Optional<String[]> parseBasic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                throw HttpProblem.unauthorized("The Authorization header is malformed.");
            }
            return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            throw HttpProblem.unauthorized("The Authorization header is malformed.");
        }
    }
}
