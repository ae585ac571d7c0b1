package org.clearinghouse.store;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The pre-receive hook: a push may only move {@code main} forward, and every file that any of
 * its new commits adds or changes must pass the {@link PushRules}. A refused push writes nothing
 * and tells the client which file broke which rule.
 */
final class PushChecks implements PreReceiveHook {
    private static final int MAX_COMMITS = 10_000;

    private final PushRules rules;

    PushChecks(PushRules rules) {
        this.rules = rules;
    }

    @Override
    public void onPreReceive(ReceivePack pack, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand command : commands) {
            if (command.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) {
                continue;
            }
            Optional<String> problem = problem(pack, command);
            if (problem.isPresent()) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, problem.get());
                pack.sendError(problem.get());
            }
        }
    }

    private Optional<String> problem(ReceivePack pack, ReceiveCommand command) {
        if (!command.getRefName().equals(ContentStore.BRANCH_REF)) {
            return Optional.of("only the branch main can be pushed here, not " + command.getRefName());
        }
        if (command.getType() == ReceiveCommand.Type.DELETE) {
            return Optional.of("the branch main cannot be deleted");
        }
        if (command.getType() == ReceiveCommand.Type.UPDATE_NONFASTFORWARD) {
            return Optional.of("history is never rewritten: pull, merge and push again (no force pushes)");
        }
        try {
            return newFiles(pack, command.getOldId(), command.getNewId());
        } catch (IOException e) {
            return Optional.of("the pushed commits could not be read");
        }
    }

    /** Walks the new commits and checks every file each adds or changes against its parent. */
    private Optional<String> newFiles(ReceivePack pack, ObjectId oldId, ObjectId newId) throws IOException {
        try (ObjectReader reader = pack.getRepository().newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk diff = new TreeWalk(reader)) {
            walk.markStart(walk.parseCommit(newId));
            if (!ObjectId.zeroId().equals(oldId)) {
                walk.markUninteresting(walk.parseCommit(oldId));
            }
            diff.setRecursive(true);
            diff.setFilter(TreeFilter.ANY_DIFF);
            int commits = 0;
            for (RevCommit commit : walk) {
                if (++commits > MAX_COMMITS) {
                    return Optional.of("a push may hold at most " + MAX_COMMITS + " new commits");
                }
                diff.reset();
                if (commit.getParentCount() == 0) {
                    diff.addTree(new EmptyTreeIterator());
                } else {
                    diff.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                }
                diff.addTree(commit.getTree());
                while (diff.next()) {
                    if (ObjectId.zeroId().equals(diff.getObjectId(1))) {
                        continue; // deleted: nothing to check
                    }
                    if (!diff.getFileMode(1).equals(org.eclipse.jgit.lib.FileMode.REGULAR_FILE)) {
                        return Optional.of(diff.getPathString() + ": only plain files are allowed "
                                + "(no links, submodules or executables) in commit " + commit.abbreviate(7).name());
                    }
                    byte[] content = reader.open(diff.getObjectId(1), Constants.OBJ_BLOB).getCachedBytes(64 * 1024 * 1024);
                    Optional<String> refusal = rules.refusal(diff.getPathString(), content);
                    if (refusal.isPresent()) {
                        return Optional.of(diff.getPathString() + ": " + refusal.get()
                                + " (in commit " + commit.abbreviate(7).name() + ")");
                    }
                }
            }
            return Optional.empty();
        }
    }
}
