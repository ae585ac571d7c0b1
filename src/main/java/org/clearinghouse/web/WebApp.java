package org.clearinghouse.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.util.Map;
import org.clearinghouse.wiki.Wiki;

/**
 * Builds the web application around a {@link Wiki}: routes, views, error mapping and headers.
 * Returns an unstarted {@link Javalin}, so the caller picks the port (tests use port 0) and owns
 * the lifecycle. No static state: several apps can run in one JVM.
 */
public final class WebApp {
    private WebApp() {}

    public static Javalin create(Wiki wiki, WebSettings settings) {
        Views views = new Views(settings.templatesDir());
        Pages pages = new Pages(views, settings);
        PageRoutes pageRoutes = new PageRoutes(wiki, pages);
        ApiRoutes apiRoutes = new ApiRoutes(wiki);
        ErrorResponses errors = new ErrorResponses(pages);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new io.javalin.json.JavalinJackson(new ObjectMapper(), false));
            config.router.ignoreTrailingSlashes = true;
            config.http.maxRequestSize = 2L * 1024 * 1024;
            addStaticFiles(config, settings);
            config.routes.before(SecurityHeaders::apply);
            config.routes.get("/health", ctx -> ctx.json(Map.of(
                    "status", "ok", "revision", wiki.snapshot().commitId())));
            pageRoutes.register(config.routes);
            apiRoutes.register(config.routes);
            errors.register(config.routes);
        });
    }

    /** Stylesheets and scripts under /static, from the templates folder when it is used. */
    private static void addStaticFiles(io.javalin.config.JavalinConfig config, WebSettings settings) {
        boolean fromFolder = Views.usesFolder(settings.templatesDir());
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            if (fromFolder) {
                files.directory = settings.templatesDir().map(dir -> dir.resolve("static"))
                        .map(p -> p.toAbsolutePath().normalize().toString()).orElseThrow();
                files.location = Location.EXTERNAL;
            } else {
                files.directory = "/templates/static";
                files.location = Location.CLASSPATH;
            }
            files.headers = Map.of("Cache-Control", "public, max-age=300");
        });
    }
}
