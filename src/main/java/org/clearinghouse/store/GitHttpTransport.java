package org.clearinghouse.store;

import jakarta.servlet.http.HttpServlet;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol for the content repository (clone, fetch, push), as a servlet to be
 * mounted by the web layer, which decides who may fetch and who may push before a request gets
 * here. Pushes may only move {@code main} forward and must pass the {@link PushRules}; after a
 * push is stored, {@code afterPush} lets the wiki catch up at once.
 */
public final class GitHttpTransport {
    private GitHttpTransport() {}

    public static HttpServlet servlet(ContentStore store, PushRules rules, Runnable afterPush) {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> {
            store.repository().incrementOpen();
            return store.repository();
        });
        servlet.setUploadPackFactory((request, repository) -> new UploadPack(repository));
        servlet.setReceivePackFactory((request, repository) -> {
            ReceivePack pack = new ReceivePack(repository);
            // Who pushed is in the server log; the commits keep the authors they were written with.
            String user = request.getRemoteUser() == null ? "push" : request.getRemoteUser();
            pack.setRefLogIdent(new PersonIdent(user, user + "@push"));
            pack.setAllowNonFastForwards(false);
            pack.setAllowDeletes(false);
            pack.setAllowCreates(true);
            pack.setPreReceiveHook(new PushChecks(rules));
            pack.setPostReceiveHook((receivePack, commands) -> afterPush.run());
            return pack;
        });
        return servlet;
    }
}
