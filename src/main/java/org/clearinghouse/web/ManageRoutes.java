package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearinghouse.account.Account;
import org.clearinghouse.page.BadRequestException;
import org.clearinghouse.page.PageNotFoundException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.PageTooLargeException;
import org.clearinghouse.page.WikiException;
import org.clearinghouse.wiki.Wiki;

/**
 * Rename (to a new name; Git sees the move), delete (after a confirmation step) and attachment
 * uploads, from the browser. Each is one POST with a CSRF token and one commit.
 */
final class ManageRoutes {
    private final Wiki wiki;
    private final Pages pages;
    private final AccessControl access;
    private final long maxFileBytes;

    ManageRoutes(Wiki wiki, Pages pages, AccessControl access, long maxFileBytes) {
        this.wiki = wiki;
        this.pages = pages;
        this.access = access;
        this.maxFileBytes = maxFileBytes;
    }

    void register(RoutesConfig routes) {
        routes.get("/rename/<path>", ctx -> showRename(ctx, HttpStatus.OK, ""));
        routes.post("/rename/<path>", this::rename);
        routes.get("/delete/<path>", ctx -> showDelete(ctx, HttpStatus.OK, ""));
        routes.post("/delete/<path>", this::delete);
        routes.post("/upload/<path>", this::upload);
    }

    private PagePath existingPage(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        if (wiki.snapshot().page(path).isEmpty()) {
            throw new PageNotFoundException("There is no page " + path + ".");
        }
        return path;
    }

    private void showRename(Context ctx, HttpStatus status, String error) {
        PagePath path = existingPage(ctx);
        access.requireEditor(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", path.toString());
        model.put("to", ctx.formParam("to") == null ? path.toString() : ctx.formParam("to"));
        model.put("message", ctx.formParam("message") == null ? "" : ctx.formParam("message"));
        model.put("error", error);
        ctx.status(status);
        pages.sendForm(ctx, "rename", model);
    }

    private void rename(Context ctx) {
        PagePath from = existingPage(ctx);
        Account account = access.requireEditor(ctx);
        Csrf.verify(ctx);
        try {
            PagePath to = PagePath.of(ctx.formParam("to") == null ? "" : ctx.formParam("to").strip());
            wiki.rename(from, to, ctx.formParam("message"), AccessControl.author(account));
            ctx.redirect("/wiki/" + to, HttpStatus.SEE_OTHER);
        } catch (WikiException e) {
            showRename(ctx, ErrorResponses.status(e, ctx), e.getMessage());
        }
    }

    private void showDelete(Context ctx, HttpStatus status, String error) {
        PagePath path = existingPage(ctx);
        access.requireEditor(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", path.toString());
        model.put("title", wiki.snapshot().page(path).orElseThrow().title());
        model.put("backlinks", Models.summaries(wiki.backlinks(path)));
        model.put("error", error);
        ctx.status(status);
        pages.sendForm(ctx, "delete", model);
    }

    private void delete(Context ctx) {
        PagePath path = existingPage(ctx);
        Account account = access.requireEditor(ctx);
        Csrf.verify(ctx);
        wiki.delete(path, ctx.formParam("message"), AccessControl.author(account));
        ctx.redirect("/pages", HttpStatus.SEE_OTHER);
    }

    /** Stores the uploaded file in the page's own folder: {@code Page/handout.pdf}. */
    private void upload(Context ctx) throws IOException {
        PagePath page = existingPage(ctx);
        Account account = access.requireEditor(ctx);
        Csrf.verify(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            throw new BadRequestException("Choose a file to upload.");
        }
        if (file.size() > maxFileBytes) {
            throw new PageTooLargeException("A file may be at most " + maxFileBytes / 1_000_000 + " MB.");
        }
        String name = FileNames.clean(file.filename());
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        }
        wiki.putFile(page + "/" + name, bytes, ctx.formParam("message"), AccessControl.author(account));
        ctx.redirect("/wiki/" + page + "#attachments", HttpStatus.SEE_OTHER);
    }
}
