package org.clearinghouse.account;

import java.nio.file.Path;

/**
 * The accounts file could not be read or written: an I/O error, or content that is not a valid
 * accounts file. The message names the file and says what is wrong, because the fix is usually
 * a person editing or restoring that file. Accounts are never dropped to get past this error.
 */
public final class AccountFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public AccountFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The accounts file concerned. */
    public Path file() {
        return file;
    }
}
