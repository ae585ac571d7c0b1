package org.clearinghouse.wiki;

import java.util.List;
import java.util.Optional;
import org.clearinghouse.page.PagePath;

/**
 * A page and its sub-pages gathered into one document for printing, such as the career-day
 * toolkit to hand out at a fair. See {@link PrintPackets} for which pages a packet holds and in
 * which order. Immutable.
 *
 * @param path the page (or folder) the packet was asked for
 * @param title the packet's title: the page's title, or the folder name
 * @param pages the pages in reading order, the page itself first when it exists; never empty
 * @param left how many further pages belonged in the packet but were left out to keep it printable
 */
public record PrintPacket(PagePath path, String title, List<PageView> pages, int left) {

    public PrintPacket {
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("A packet holds at least one page");
        }
    }

    /** The page the packet was asked for, when it exists (a packet of a folder has none). */
    public Optional<PageView> root() {
        PageView first = pages.get(0);
        return first.path().equals(path) ? Optional.of(first) : Optional.empty();
    }
}
