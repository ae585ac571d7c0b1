package org.clearinghouse.store;

import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * The central repository several wiki instances share: fetch its {@code main} into a
 * remote-tracking ref, and push the local {@code main} to it, never forcing. Credentials may be
 * written in the URL ({@code https://user:token@host/wiki.git}); they are never logged.
 * Thread-safe as JGit's transports are: one operation per call.
 */
public final class CentralRemote {
    static final String TRACKING_REF = "refs/remotes/central/main";

    private final ContentStore store;
    private final String url;
    private final CredentialsProvider credentials;

    public CentralRemote(ContentStore store, String url) {
        this.store = store;
        this.url = url;
        this.credentials = credentialsOf(url);
    }

    /** Fetches the central {@code main}; answers its commit, or empty when it has none yet. */
    public Optional<String> fetch() {
        try (Git git = Git.wrap(store.repository())) {
            boolean hasMain = Git.lsRemoteRepository().setRemote(url).setCredentialsProvider(credentials)
                    .setHeads(true).callAsMap().containsKey(ContentStore.BRANCH_REF);
            if (!hasMain) {
                return Optional.empty();
            }
            git.fetch().setRemote(url).setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec("+" + ContentStore.BRANCH_REF + ":" + TRACKING_REF)).call();
            Ref tracking = store.repository().exactRef(TRACKING_REF);
            return tracking == null ? Optional.empty() : Optional.of(tracking.getObjectId().name());
        } catch (GitAPIException | java.io.IOException e) {
            throw new StoreException("Could not fetch from the central repository: " + safe(e), e);
        }
    }

    /**
     * Pushes {@code commit} as the central {@code main}, as a fast-forward only.
     *
     * @return true when the central repository took it; false when it has moved on (fetch,
     *     merge and push again)
     */
    public boolean push(String commit) {
        try (Git git = Git.wrap(store.repository())) {
            Iterable<PushResult> results = git.push().setRemote(url).setCredentialsProvider(credentials)
                    .setForce(false)
                    .setRefSpecs(new RefSpec(ObjectId.fromString(commit).name() + ":" + ContentStore.BRANCH_REF))
                    .call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    RemoteRefUpdate.Status status = update.getStatus();
                    if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE) {
                        return false;
                    }
                }
            }
            return true;
        } catch (GitAPIException e) {
            throw new StoreException("Could not push to the central repository: " + safe(e), e);
        }
    }

    /** The URL without any password, for logs and status pages. */
    public String displayUrl() {
        try {
            return new URIish(url).setPass(null).toString();
        } catch (java.net.URISyntaxException e) {
            return "(central repository)";
        }
    }

    private String safe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace(url, displayUrl());
    }

    private static CredentialsProvider credentialsOf(String url) {
        try {
            URIish uri = new URIish(url);
            if (uri.getUser() != null && uri.getPass() != null) {
                return new UsernamePasswordCredentialsProvider(uri.getUser(), uri.getPass());
            }
        } catch (java.net.URISyntaxException e) {
            // A plain path: no credentials.
        }
        return null;
    }
}
