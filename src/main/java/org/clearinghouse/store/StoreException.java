package org.clearinghouse.store;

/**
 * The repository could not be read or written (disk full, corrupt object, I/O error). Unchecked:
 * callers cannot repair it and the web layer answers it as a server error without details.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
