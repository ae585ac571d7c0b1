package org.clearinghouse.page;

/**
 * One line of a file as {@code git blame} attributes it.
 *
 * @param number the line number in the blamed file, from 1
 * @param text the line without its line break
 * @param revision the commit that last changed the line
 * @param sourcePath the repository file the line came from in that commit (differs after a rename)
 */
public record BlameLine(int number, String text, Revision revision, String sourcePath) {}
