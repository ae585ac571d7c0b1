package org.clearinghouse.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.clearinghouse.account.Account;

/**
 * Who may use Git over HTTP at {@code /wiki.git}: anyone may clone and fetch a public wiki, an
 * account is needed for a private one, and only editors may push. Credentials are HTTP Basic,
 * checked and throttled exactly as for the JSON API.
 */
final class GitAccessFilter implements Filter {
    private final Authenticator authenticator;
    private final boolean privateWiki;

    GitAccessFilter(Authenticator authenticator, boolean privateWiki) {
        this.authenticator = authenticator;
        this.privateWiki = privateWiki;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        SecurityHeaders.apply(response::setHeader);
        boolean push = request.getRequestURI().endsWith("/git-receive-pack")
                || "git-receive-pack".equals(request.getParameter("service"));
        if (!push && !privateWiki) {
            chain.doFilter(asRepositoryPath(request, null), response);
            return;
        }
        Account account;
        try {
            account = authenticator.basic(request.getHeader("Authorization"), request.getRemoteAddr(), response::setHeader);
        } catch (HttpProblem problem) {
            refuse(response, problem.status().getCode(), problem.getMessage());
            return;
        }
        if (push && !account.role().canEdit()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Your account may read but not push.");
            return;
        }
        chain.doFilter(asRepositoryPath(request, account.name()), response);
    }

    /**
     * Git's servlet finds the repository name in the path info; mounted at {@code /wiki.git/*}
     * it would see none. Present the request as if the servlet were mounted at the root, so the
     * name is {@code wiki.git}; also carries who is pushing.
     */
    private static HttpServletRequest asRepositoryPath(HttpServletRequest request, String user) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getServletPath() {
                return "";
            }

            @Override
            public String getPathInfo() {
                String info = request.getPathInfo();
                return request.getServletPath() + (info == null ? "" : info);
            }

            @Override
            public String getRemoteUser() {
                return user;
            }
        };
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", AccessControl.REALM);
        }
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
