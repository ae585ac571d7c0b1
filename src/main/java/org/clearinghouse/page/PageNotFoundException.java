package org.clearinghouse.page;

/** The page (or file) does not exist at the revision asked for. */
public final class PageNotFoundException extends WikiException {

    public PageNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "not_found";
    }
}
