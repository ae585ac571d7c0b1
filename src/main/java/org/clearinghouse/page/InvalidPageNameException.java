package org.clearinghouse.page;

/** A page name that breaks the naming rules. */
public final class InvalidPageNameException extends WikiException {

    public InvalidPageNameException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid_page_name";
    }
}
