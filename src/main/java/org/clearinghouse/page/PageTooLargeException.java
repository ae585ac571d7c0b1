package org.clearinghouse.page;

/** A page whose text exceeds the size the wiki accepts. */
public final class PageTooLargeException extends WikiException {

    public PageTooLargeException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "too_large";
    }
}
