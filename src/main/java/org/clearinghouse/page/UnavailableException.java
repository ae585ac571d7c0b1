package org.clearinghouse.page;

/**
 * The wiki cannot take the request just now, and nothing was changed: it is stopping, or the
 * branch could not be read or kept moving under a save. Worth trying again in a moment.
 */
public final class UnavailableException extends WikiException {

    public UnavailableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "unavailable";
    }
}
