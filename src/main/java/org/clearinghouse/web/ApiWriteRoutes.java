package org.clearinghouse.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.account.Account;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.wiki.SaveResult;
import org.clearinghouse.wiki.Wiki;

/**
 * The writing half of the JSON API: save, rename and delete pages, store files. Callers
 * authenticate with HTTP Basic (or a browser session plus the CSRF header); every call is one
 * commit by the caller.
 */
final class ApiWriteRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RENAME = "/rename";
    private static final String REVERT = "/revert";

    private final Wiki wiki;
    private final AccessControl access;

    ApiWriteRoutes(Wiki wiki, AccessControl access) {
        this.wiki = wiki;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.put(ApiRoutes.PREFIX + "/pages/<path>", this::save);
        routes.delete(ApiRoutes.PREFIX + "/pages/<path>", this::delete);
        routes.post(ApiRoutes.PREFIX + "/pages/<path>", this::renameOrReject);
        routes.put(ApiRoutes.PREFIX + "/files/<path>", this::putFile);
    }

    private Account writer(Context ctx) {
        Account account = access.requireEditor(ctx);
        if (Authenticator.usesBasic(ctx)) {
            refuseCrossSite(ctx);
        } else {
            Csrf.verify(ctx);
        }
        return account;
    }

    /**
     * Browsers may replay cached Basic credentials on a cross-site request; a browser also says
     * where such a request comes from, so refuse any that another site started.
     */
    private static void refuseCrossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw HttpProblem.forbidden("Cross-site requests may not change the wiki.");
        }
    }

    private void save(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        Account account = writer(ctx);
        JsonNode body = body(ctx);
        JsonNode markdown = body.get("markdown");
        if (markdown == null || !markdown.isTextual()) {
            throw new BadRequestException("The body needs a \"markdown\" field with the page text.");
        }
        SaveResult result = wiki.save(path, markdown.asText(), text(body, "message"),
                Optional.ofNullable(text(body, "baseRevision")).filter(s -> !s.isBlank()),
                AccessControl.author(account));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", result.revision());
        json.put("merged", result.merged());
        ctx.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).json(json);
    }

    private void delete(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        Account account = writer(ctx);
        String message = ctx.body().isBlank() ? null : text(body(ctx), "message");
        ctx.json(Map.of("revision", wiki.delete(path, message, AccessControl.author(account))));
    }

    private void renameOrReject(Context ctx) {
        String raw = ctx.pathParam("path");
        if (raw.endsWith(REVERT) && raw.length() > REVERT.length()) {
            revert(ctx, PagePath.of(raw.substring(0, raw.length() - REVERT.length())));
            return;
        }
        if (!raw.endsWith(RENAME) || raw.length() == RENAME.length()) {
            throw new PageNotFoundException("Pages are saved with PUT; POST is only for .../rename and .../revert.");
        }
        PagePath from = PagePath.of(raw.substring(0, raw.length() - RENAME.length()));
        Account account = writer(ctx);
        JsonNode body = body(ctx);
        String to = text(body, "to");
        if (to == null || to.isBlank()) {
            throw new BadRequestException("The body needs a \"to\" field with the new page name.");
        }
        PagePath target = PagePath.of(to.strip());
        String revision = wiki.rename(from, target, text(body, "message"), AccessControl.author(account));
        ctx.json(Map.of("revision", revision, "path", target.toString()));
    }

    /**
     * {@code POST …/revert {"revision","message"?}}: the page's text at that revision, saved as a
     * new commit. 200 with the new revision, or the current one and {@code "changed": false}
     * when the page already has that text; 201 when it brings back a deleted page.
     */
    private void revert(Context ctx, PagePath path) {
        Account account = writer(ctx);
        JsonNode body = body(ctx);
        String revision = text(body, "revision");
        if (revision == null || revision.isBlank()) {
            throw new BadRequestException("The body needs a \"revision\" field with the commit to revert to.");
        }
        SaveResult result = wiki.revert(path, revision.strip(), text(body, "message"), AccessControl.author(account));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", result.revision());
        json.put("changed", result.changed());
        ctx.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).json(json);
    }

    private void putFile(Context ctx) {
        String path = ctx.pathParam("path");
        Account account = writer(ctx);
        String revision = wiki.putFile(PagePath.of(path).toString(), ctx.bodyAsBytes(),
                ctx.queryParam("message"), AccessControl.author(account));
        ctx.status(HttpStatus.CREATED).json(Map.of("revision", revision, "path", path));
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequestException("The body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequestException("The body is not valid JSON.");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestException("The field \"" + field + "\" must be a string.");
        }
        return value.asText();
    }
}
