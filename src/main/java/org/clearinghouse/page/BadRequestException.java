package org.clearinghouse.page;

/** A request that is malformed in a way no other error describes (a missing field, a file name that is not allowed). */
public final class BadRequestException extends WikiException {

    public BadRequestException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "bad_request";
    }
}
