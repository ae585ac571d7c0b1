package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.account.Account;
import org.clearinghouse.page.EditConflictException;
import org.clearinghouse.page.PagePath;
import org.clearinghouse.page.WikiException;
import org.clearinghouse.wiki.PageEntry;
import org.clearinghouse.wiki.SaveResult;
import org.clearinghouse.wiki.Wiki;

/**
 * The edit form: create or change a page, preview it, and resolve a conflict. Whatever goes
 * wrong on a save (an expired session, a bad token, a conflict, a limit), the form comes back
 * with the editor's text in it: an edit is never thrown away.
 */
final class EditRoutes {
    private final Wiki wiki;
    private final Pages pages;
    private final AccessControl access;

    EditRoutes(Wiki wiki, Pages pages, AccessControl access) {
        this.wiki = wiki;
        this.pages = pages;
        this.access = access;
    }

    void register(RoutesConfig routes) {
        routes.get("/edit/<path>", this::showForm);
        routes.post("/edit/<path>", this::submit);
        routes.post("/preview", this::livePreview);
    }

    private void showForm(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        access.requireEditor(ctx);
        Optional<PageEntry> existing = wiki.snapshot().page(path);
        Optional<String> template = Optional.ofNullable(ctx.queryParam("template")).filter(t -> !t.isBlank());
        String markdown = existing.map(e -> wiki.view(path).markdown())
                .orElseGet(() -> wiki.startingText(path, template));
        EditForm form = new EditForm(path, markdown, "", wiki.snapshot().commitId(), existing.isEmpty());
        Map<String, Object> extra = new LinkedHashMap<>();
        if (existing.isEmpty() && !Wiki.isTemplate(path)) {
            // A new page may start from a page template (pages under _templates/): plain links, no script needed.
            extra.put("templates", wiki.templates().stream().map(t -> Map.of(
                    "name", t.path().toString().substring(t.path().toString().indexOf('/') + 1),
                    "title", t.title(), "summary", t.metadata().summary().orElse(""))).toList());
            extra.put("template", template.orElse(""));
        }
        send(ctx, HttpStatus.OK, form, extra);
    }

    private void submit(Context ctx) {
        PagePath path = PagePath.of(ctx.pathParam("path"));
        EditForm form = new EditForm(path, orEmpty(ctx.formParam("markdown")), orEmpty(ctx.formParam("message")),
                orEmpty(ctx.formParam("baseRevision")), wiki.snapshot().page(path).isEmpty());
        Account account;
        try {
            account = access.requireEditor(ctx);
            Csrf.verify(ctx);
        } catch (HttpProblem problem) {
            send(ctx, problem.status(), form, Map.of("error", problem.getMessage()
                    + " Your text is kept below: copy it somewhere safe, log in again, and save."));
            return;
        }
        try {
            if ("preview".equals(ctx.formParam("action"))) {
                send(ctx, HttpStatus.OK, form, Map.of("preview", wiki.preview(path, form.markdown()).html()));
                return;
            }
            Optional<String> base = Optional.of(form.baseRevision()).filter(b -> !b.isBlank());
            SaveResult result = wiki.save(path, form.markdown(), form.message(), base, AccessControl.author(account));
            ctx.redirect("/wiki/" + path + (result.merged() ? "?merged=1" : ""), HttpStatus.SEE_OTHER);
        } catch (EditConflictException conflict) {
            EditForm resolve = new EditForm(path, conflict.yours(), form.message(), conflict.currentRevision(),
                    false);
            send(ctx, HttpStatus.CONFLICT, resolve, Map.of("error", conflict.getMessage(),
                    "conflict", Map.of("theirs", conflict.theirs(), "merged", conflict.merged())));
        } catch (WikiException e) {
            send(ctx, ErrorResponses.status(e, ctx), form, Map.of("error", e.getMessage()));
        }
    }

    /** Live preview for the editor's script: the sanitized HTML fragment, nothing else. */
    private void livePreview(Context ctx) {
        access.requireEditor(ctx);
        Csrf.verify(ctx);
        PagePath path = PagePath.of(orEmpty(ctx.formParam("path")));
        ctx.html(wiki.preview(path, orEmpty(ctx.formParam("markdown"))).html());
    }

    private void send(Context ctx, HttpStatus status, EditForm form, Map<String, Object> extra) {
        Map<String, Object> model = new LinkedHashMap<>(extra);
        model.put("form", form.toModel());
        model.put("attachments", wiki.attachmentsOf(form.path()));
        ctx.status(status);
        pages.sendForm(ctx, "edit", model);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** What the edit form shows: the text, the message, and the revision it is based on. */
    private record EditForm(PagePath path, String markdown, String message, String baseRevision, boolean creating) {
        Map<String, Object> toModel() {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("path", path.toString());
            model.put("markdown", markdown);
            model.put("message", message);
            model.put("baseRevision", baseRevision);
            model.put("creating", creating);
            return model;
        }
    }
}
