package org.clearinghouse.page;

/**
 * A save whose changes overlap changes someone else saved since the editor's base revision.
 * Nothing was written. Carries all three texts so the editor can resolve the conflict without
 * losing a word: what they submitted, what the page says now, and the merge with conflict
 * markers.
 */
public final class EditConflictException extends WikiException {
    private final String yours;
    private final String theirs;
    private final String merged;
    private final String currentRevision;

    public EditConflictException(String yours, String theirs, String merged, String currentRevision) {
        super("Someone else changed the same part of this page since you started editing. "
                + "Your text is kept below: combine it with theirs and save again.");
        this.yours = yours;
        this.theirs = theirs;
        this.merged = merged;
        this.currentRevision = currentRevision;
    }

    public String yours() {
        return yours;
    }

    public String theirs() {
        return theirs;
    }

    public String merged() {
        return merged;
    }

    /** The head the conflict was computed against: the base for the resolved save. */
    public String currentRevision() {
        return currentRevision;
    }

    @Override
    public String code() {
        return "conflict";
    }
}
