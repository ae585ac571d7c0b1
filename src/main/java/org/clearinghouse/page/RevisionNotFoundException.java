package org.clearinghouse.page;

/** A revision id that is malformed or names no commit of the wiki. */
public final class RevisionNotFoundException extends WikiException {

    public RevisionNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "revision_not_found";
    }
}
