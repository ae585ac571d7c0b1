package org.clearinghouse.app;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearinghouse.account.AccountStore;
import org.clearinghouse.account.PasswordHasher;
import org.clearinghouse.render.MarkdownRenderer;
import org.clearinghouse.render.RenderLimits;
import org.clearinghouse.store.ContentStore;
import org.clearinghouse.store.GitHttpTransport;
import org.clearinghouse.web.WebApp;
import org.clearinghouse.web.WebSettings;
import org.clearinghouse.wiki.Wiki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One wiki server, wired from its settings but not started: the repository opened (and seeded
 * if new), the head snapshot built, the web app created. {@link #start()} starts listening and
 * the watcher that notices commits pushed from outside; {@link #close()} stops both.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final long WATCH_INTERVAL_MS = 1000;

    private final ServerSettings settings;
    private final Wiki wiki;
    private final Javalin web;
    private final ScheduledExecutorService watcher;

    private Application(ServerSettings settings, Wiki wiki, Javalin web) {
        this.settings = settings;
        this.wiki = wiki;
        this.web = web;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "branch-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the repository and builds everything; nothing listens yet. */
    public static Application build(ServerSettings settings) {
        Path gitDir = settings.dataDir().resolve("content.git");
        ContentStore store = ContentStore.openOrSeed(gitDir, settings.seedDir(), settings.central());
        MarkdownRenderer renderer = new MarkdownRenderer(new RenderLimits(settings.limits().maxPageBytes(),
                RenderLimits.DEFAULT.timeBudget()));
        Wiki wiki = Wiki.open(store, renderer, settings.limits(), Optional.of(settings.dataDir().resolve("index")));
        settings.central().ifPresent(url -> wiki.connectCentral(url, settings.syncSeconds()));
        AccountStore accounts = AccountStore.open(settings.dataDir(),
                new PasswordHasher(UserCommand.bcryptCost(System.getenv())));
        WebSettings web = new WebSettings("Clearinghouse", Optional.of(settings.templatesDir()),
                settings.privateWiki(), settings.limits().maxFileBytes()).withSecureCookies(settings.secureCookies());
        var git = GitHttpTransport.servlet(store, wiki.pushRules(), wiki::refresh);
        return new Application(settings, wiki, WebApp.create(wiki, accounts, web, Optional.of(git)));
    }

    /** Starts listening and watching the branch; answers once the port is open. */
    public Application start() {
        web.start(settings.host(), settings.port());
        watcher.scheduleWithFixedDelay(this::catchUp, WATCH_INTERVAL_MS, WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        LOG.info("Clearinghouse is serving on http://{}:{}/", settings.host(), web.port());
        return this;
    }

    /** Commits pushed into the repository from outside show up within about a second. */
    private void catchUp() {
        try {
            wiki.refresh();
        } catch (RuntimeException e) {
            LOG.error("Could not catch up with the content repository", e);
        }
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return web.port();
    }

    public Wiki wiki() {
        return wiki;
    }

    /**
     * Stops gracefully: the port closes at once, requests in flight (a save half-way through its
     * commit) finish and are answered, then the indexes are committed and the repository closed.
     */
    @Override
    public void close() {
        LOG.info("Stopping: finishing the requests in flight");
        // Not shutdownNow: interrupting a catch-up in the middle of Lucene I/O would close the index.
        watcher.shutdown();
        web.stop();
        awaitWatcher();
        wiki.close();
        LOG.info("Stopped");
    }

    private void awaitWatcher() {
        try {
            if (!watcher.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The branch watcher did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
