package org.clearinghouse.page;

/**
 * A page whose Markdown could not be rendered within the time and stack budget (for example,
 * pathologically deep nesting). The page is shown with this message instead of its HTML.
 */
public final class RenderFailedException extends WikiException {

    public RenderFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "render_failed";
    }
}
