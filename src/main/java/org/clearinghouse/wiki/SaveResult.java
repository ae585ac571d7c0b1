package org.clearinghouse.wiki;

/**
 * What a save did.
 *
 * @param revision the commit the page now has (the new commit, or the current one when nothing
 *     changed)
 * @param created true when the save created the page
 * @param merged true when someone else's changes since the editor's base were merged in cleanly
 * @param changed false when the text was identical and no commit was made
 */
public record SaveResult(String revision, boolean created, boolean merged, boolean changed) {}
