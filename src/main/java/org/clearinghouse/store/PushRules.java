package org.clearinghouse.store;

import java.util.Optional;

/**
 * The checks a pushed file must pass: the same ones a web save applies (valid names, size
 * limits, front matter that parses). Implemented by the wiki, which knows them; the store only
 * applies them to every file a push adds or changes.
 */
@FunctionalInterface
public interface PushRules {

    /** Why this file may not be stored, for the pusher to read; empty when it is fine. */
    Optional<String> refusal(String path, byte[] content);
}
