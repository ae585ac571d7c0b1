package org.clearinghouse.page;

/**
 * The closed set of errors the engine answers with. Each carries a stable machine code (used in
 * JSON errors) and a message meant for a person; the web layer maps each kind to one HTTP status.
 */
public abstract sealed class WikiException extends RuntimeException
        permits InvalidPageNameException, PageNotFoundException, RevisionNotFoundException,
                PageTooLargeException, RenderFailedException, EditConflictException,
                PageExistsException, InvalidFrontMatterException, BadRequestException,
                UnavailableException {

    protected WikiException(String message) {
        super(message);
    }

    protected WikiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short machine-readable code such as {@code not_found}. */
    public abstract String code();
}
