package org.clearinghouse.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Map;
import org.clearinghouse.account.AccountStore;
import org.clearinghouse.account.LoginThrottle;
import org.clearinghouse.wiki.Wiki;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCookie;

/**
 * Builds the web application around a {@link Wiki} and its accounts: routes, views, sessions,
 * access control, error mapping and headers. Returns an unstarted {@link Javalin}, so the caller
 * picks the port (tests use port 0) and owns the lifecycle. No static state: several apps can run
 * in one JVM.
 */
public final class WebApp {
    static final String SESSION_COOKIE = "clearinghouse_session";
    /** Where the content repository is served for git clone, fetch and push. */
    public static final String GIT_PATH = "/wiki.git";

    private WebApp() {}

    public static Javalin create(Wiki wiki, AccountStore accounts, WebSettings settings) {
        return create(wiki, accounts, settings, Optional.empty());
    }

    /**
     * Builds the app; with {@code git}, Git's smart HTTP protocol is served at {@value #GIT_PATH}
     * (clone and fetch as the wiki allows reading, push for editors).
     */
    public static Javalin create(Wiki wiki, AccountStore accounts, WebSettings settings, Optional<HttpServlet> git) {
        Authenticator authenticator = new Authenticator(accounts, new LoginThrottle());
        AccessControl access = new AccessControl(authenticator, settings.privateWiki());
        Pages pages = new Pages(new Views(settings.templatesDir()), settings, access);
        ErrorResponses errors = new ErrorResponses(pages);
        PageCache pageCache = PageCache.sizedForHeap();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new io.javalin.json.JavalinJackson(new ObjectMapper(), false));
            config.router.ignoreTrailingSlashes = true;
            // A known address asked with a method it does not take answers 405 (with Allow), not 404.
            config.http.prefer405over404 = true;
            // Room for the largest attachment plus form overhead; pages are capped by the wiki.
            config.http.maxRequestSize = settings.maxFileBytes() + 4L * 1024 * 1024;
            configureSessions(config, settings.sessionTimeout(), settings.secureCookies());
            JettySetup.apply(config);
            if (!settings.privateWiki()) {
                // Cached anonymous page views are answered before the servlet layer (after JettySetup's wrappers).
                CachedPageHandler.install(config, pageCache, () -> wiki.snapshot().commitId());
            }
            git.ifPresent(servlet -> mountGit(config, servlet, new GitAccessFilter(authenticator, settings.privateWiki())));
            addStaticFiles(config, settings);
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(access::gate);
            config.routes.get("/health", ctx -> ctx.json(Map.of(
                    "status", "ok", "revision", wiki.snapshot().commitId())));
            new LoginRoutes(authenticator, pages).register(config.routes);
            new PageRoutes(wiki, pages, pageCache).register(config.routes);
            new SearchRoutes(wiki, pages).register(config.routes);
            new SyncRoutes(wiki, pages, access).register(config.routes);
            new PrintRoutes(wiki, pages).register(config.routes);
            new DiscoveryRoutes(wiki, settings.privateWiki()).register(config.routes);
            new EditRoutes(wiki, pages, access).register(config.routes);
            new ManageRoutes(wiki, pages, access, settings.maxFileBytes()).register(config.routes);
            new ApiRoutes(wiki).register(config.routes);
            new ApiWriteRoutes(wiki, access).register(config.routes);
            new HistoryRoutes(wiki, pages, access).register(config.routes);
            new FeedRoutes(wiki, settings.siteName()).register(config.routes);
            errors.register(config.routes);
        });
    }

    /**
     * Session cookies: HttpOnly (no script reads them), SameSite=Lax (not sent on cross-site
     * POSTs), Secure whenever the request came over HTTPS; forgotten by the server after
     * {@code idle} without a request.
     */
    private static void configureSessions(JavalinConfig config, java.time.Duration idle, boolean alwaysSecure) {
        config.jetty.modifyServletContextHandler(handler -> {
            var sessions = handler.getSessionHandler();
            sessions.setSessionCookie(SESSION_COOKIE);
            sessions.setHttpOnly(true);
            sessions.setSameSite(HttpCookie.SameSite.LAX);
            sessions.setSecureRequestOnly(true);
            // Behind a proxy that ends TLS every request looks like plain HTTP; forwarded headers
            // are not trusted (a client could send them), so the operator says so instead.
            sessions.setSecureCookies(alwaysSecure);
            sessions.setMaxInactiveInterval((int) Math.max(1, idle.toSeconds()));
        });
    }

    /** Git's own servlet beside Javalin's, behind the filter that decides who may fetch or push. */
    private static void mountGit(JavalinConfig config, HttpServlet servlet, GitAccessFilter filter) {
        config.jetty.modifyServletContextHandler(handler -> {
            handler.addServlet(new ServletHolder("git", servlet), GIT_PATH + "/*");
            handler.addFilter(new FilterHolder(filter), GIT_PATH + "/*", EnumSet.of(DispatcherType.REQUEST));
        });
    }

    /**
     * Stylesheets and scripts under /static: from the templates folder when it is used (read on
     * each request, so a restyle shows at once), else the copies packed in the jar, from memory.
     */
    private static void addStaticFiles(JavalinConfig config, WebSettings settings) {
        if (Views.usesFolder(settings.templatesDir())) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = settings.templatesDir().map(dir -> dir.resolve("static"))
                        .map(p -> p.toAbsolutePath().normalize().toString()).orElseThrow();
                files.location = Location.EXTERNAL;
                files.headers = Map.of("Cache-Control", "public, max-age=300");
            });
        } else {
            BundledStaticFiles bundled = new BundledStaticFiles();
            config.routes.get("/static/{file}", bundled::serve);
        }
    }
}
