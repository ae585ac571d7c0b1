package org.clearinghouse.page;

/** A page or file that already exists where a new one was to be created (rename or create). */
public final class PageExistsException extends WikiException {

    public PageExistsException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "exists";
    }
}
