package org.clearinghouse.web;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the web app asks of Jetty beneath Javalin's routes:
 * <ul>
 * <li><b>Graceful stop</b>: a {@link GracefulHandler} around everything and a stop timeout, so
 * stopping the server (SIGTERM) closes the port at once but lets requests already in flight
 * (a save half-way through its commit) finish and answer, for up to {@link #STOP_TIMEOUT}.</li>
 * <li><b>Bare errors</b>: requests Jetty refuses before any route runs (a malformed URI, a
 * 414 or 431) get a short plain-text answer carrying the same security headers as every other
 * response, instead of Jetty's HTML page.</li>
 * <li><b>HEAD</b>: answered by the GET route of the same path; Jetty sends the headers (status,
 * type, length, ETag) and drops the body, so HEAD tells the truth about a page.</li>
 * </ul>
 * Stateless; applied once per app while it is configured.
 */
final class JettySetup {
    /** Longest wait for requests in flight when the server stops. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private JettySetup() {}

    static void apply(JavalinConfig config) {
        config.jetty.modifyServer(server -> {
            // Javalin puts its servlet context inside the innermost wrapper it finds here.
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
            server.setErrorHandler(new BareErrorHandler());
        });
        config.jetty.modifyServletContextHandler(context -> context.addFilter(
                new FilterHolder(new HeadAsGet()), "/*", EnumSet.of(DispatcherType.REQUEST)));
    }

    /** Jetty's own error answers: security headers, plain text, nothing about the server. */
    private static final class BareErrorHandler extends ErrorHandler {
        BareErrorHandler() {
            setShowStacks(false);
            setShowMessageInTitle(false);
            setShowOrigin(false);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            SecurityHeaders.apply((name, value) -> response.getHeaders().put(name, value));
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            String reason = org.eclipse.jetty.http.HttpStatus.getMessage(status);
            response.write(true, ByteBuffer.wrap((status + " " + reason + "\n").getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
    }

    /** Lets the GET route answer a HEAD request; Jetty itself never sends a body for HEAD. */
    private static final class HeadAsGet implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && "HEAD".equals(http.getMethod())) {
                chain.doFilter(new HttpServletRequestWrapper(http) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }
                }, response);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
