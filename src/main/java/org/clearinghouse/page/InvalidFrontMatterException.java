package org.clearinghouse.page;

/** Front matter that is not valid YAML, or has a field of the wrong type; the message names the problem. */
public final class InvalidFrontMatterException extends WikiException {

    public InvalidFrontMatterException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid_front_matter";
    }
}
