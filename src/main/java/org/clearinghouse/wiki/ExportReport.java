package org.clearinghouse.wiki;

import java.util.List;

/**
 * What an export of the wiki into a plain folder wrote. Immutable.
 *
 * @param commitId the commit exported
 * @param pages the number of pages written
 * @param files the number of attachments written
 * @param skipped repository paths not written because the wiki does not accept their names
 *     (only files pushed from outside can have such names)
 */
public record ExportReport(String commitId, int pages, int files, List<String> skipped) {
    public ExportReport {
        skipped = List.copyOf(skipped);
    }
}
