package org.clearinghouse.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every file of one commit's tree: repository path (e.g. {@code Career-Day/Planning.md}) to the
 * 40-hex id of its blob. Immutable.
 *
 * @param commitId the commit whose tree this is
 * @param files path to blob id, sorted by path
 */
public record TreeListing(String commitId, Map<String, String> files) {
    public TreeListing {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }
}
