package org.clearinghouse.wiki;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.clearinghouse.page.PagePath;
import org.pcollections.TreePMap;

/**
 * An inverted index over the pages of a snapshot: for each key (a link target, a tag), the pages
 * that carry it, sorted by name, each once. A key is spelled as the first page carrying it spells
 * it (tags are compared ignoring case). Immutable: a save makes a new one with
 * {@link #updated}, which shares the persistent map's unchanged entries and rebuilds only the
 * lists of the keys the changed pages carry, so its cost follows the change and not the size of
 * the wiki (walking every page's links after every save was the largest part of a save at 20,000
 * pages, and copying the map took milliseconds more). Thread-safe.
 *
 * @param <K> the key: a page path or a tag
 */
final class PagesByKey<K> {
    private final Comparator<? super K> order;
    private final Function<PageEntry, Collection<K>> keysOf;
    private final TreePMap<K, List<PagePath>> lists;

    private PagesByKey(Comparator<? super K> order, Function<PageEntry, Collection<K>> keysOf,
            TreePMap<K, List<PagePath>> lists) {
        this.order = order;
        this.keysOf = keysOf;
        this.lists = lists;
    }

    /**
     * Indexes {@code pages} (sorted by path) in one pass: pages arrive in order, so each list comes
     * out sorted by appending, and a page already listed is the last one. The pairs are grouped by
     * hashing and only the distinct keys are sorted: putting each of the 200,000 links of 20,000
     * pages into a sorted map compared names millions of times, a good part of a warm start.
     */
    static <K> PagesByKey<K> of(Collection<PageEntry> pages, Comparator<? super K> order,
            Function<PageEntry, Collection<K>> keysOf) {
        Map<K, Group> groups = new HashMap<>();
        for (PageEntry page : pages) {
            for (K key : keysOf.apply(page)) {
                groups.computeIfAbsent(key, k -> new Group(page)).add(page.path());
            }
        }
        List<K> keys = new ArrayList<>(groups.keySet());
        keys.sort(order);
        TreeMap<K, List<PagePath>> lists = new TreeMap<>(order);
        for (int from = 0; from < keys.size(); ) {
            int to = from + 1;
            while (to < keys.size() && order.compare(keys.get(from), keys.get(to)) == 0) {
                to++;
            }
            if (to == from + 1) {
                lists.put(keys.get(from), groups.get(keys.get(from)).paths);
            } else {
                // Keys equal by the order but spelt apart (tags in other cases): one list, spelt
                // as the first page carrying any of them spells it.
                Group first = null;
                SortedSet<PagePath> paths = new TreeSet<>();
                for (K key : keys.subList(from, to)) {
                    Group group = groups.get(key);
                    paths.addAll(group.paths);
                    if (first == null || group.firstPage.path().compareTo(first.firstPage.path()) < 0) {
                        first = group;
                    }
                }
                lists.put(spelling(first.firstPage, keys.get(from), order, keysOf), new ArrayList<>(paths));
            }
            from = to;
        }
        return new PagesByKey<>(order, keysOf, TreePMap.fromSortedMap(lists));
    }

    /** The pages carrying one key, in page order, and the first of them. */
    private static final class Group {
        final PageEntry firstPage;
        final List<PagePath> paths = new ArrayList<>();

        Group(PageEntry firstPage) {
            this.firstPage = firstPage;
        }

        void add(PagePath path) {
            if (paths.isEmpty() || !paths.get(paths.size() - 1).equals(path)) {
                paths.add(path);
            }
        }
    }

    /**
     * The index after some pages changed: {@code before} are the old versions of the pages that
     * changed or went away, {@code after} the new versions of those changed or added, and
     * {@code pages} every page once the change is made.
     */
    PagesByKey<K> updated(Collection<PageEntry> before, Collection<PageEntry> after, Map<PagePath, PageEntry> pages) {
        SortedMap<K, List<PagePath>> copied = new TreeMap<>(order);
        for (PageEntry page : before) {
            for (K key : keysOf.apply(page)) {
                List<PagePath> paths = writable(lists, copied, key);
                int at = Collections.binarySearch(paths, page.path());
                if (at >= 0) {
                    paths.remove(at);
                }
            }
        }
        for (PageEntry page : after) {
            for (K key : keysOf.apply(page)) {
                List<PagePath> paths = writable(lists, copied, key);
                int at = Collections.binarySearch(paths, page.path());
                if (at < 0) {
                    paths.add(-at - 1, page.path());
                }
            }
        }
        TreePMap<K, List<PagePath>> next = lists;
        for (Map.Entry<K, List<PagePath>> touched : copied.entrySet()) {
            next = next.minus(touched.getKey()); // an equal key keeps its old spelling: remove, then put
            List<PagePath> paths = touched.getValue();
            if (!paths.isEmpty()) {
                next = next.plus(spelling(pages.get(paths.get(0)), touched.getKey(), order, keysOf), paths);
            }
        }
        return new PagesByKey<>(order, keysOf, next);
    }

    /** The list of {@code key} in the map being built, copied the first time it is changed. */
    private static <K> List<PagePath> writable(Map<K, List<PagePath>> current, SortedMap<K, List<PagePath>> copied,
            K key) {
        List<PagePath> done = copied.get(key);
        if (done != null) {
            return done;
        }
        List<PagePath> paths = new ArrayList<>(current.getOrDefault(key, List.of()));
        copied.put(key, paths);
        return paths;
    }

    /** How {@code page}, the first carrying {@code key}, spells it. */
    private static <K> K spelling(PageEntry page, K key, Comparator<? super K> order,
            Function<PageEntry, Collection<K>> keysOf) {
        for (K own : keysOf.apply(page)) {
            if (order.compare(own, key) == 0) {
                return own;
            }
        }
        return key;
    }

    /** The pages carrying {@code key}, sorted by name. */
    List<PagePath> get(K key) {
        return Collections.unmodifiableList(lists.getOrDefault(key, List.of()));
    }

    /** Every key with its pages, in key order. */
    SortedMap<K, List<PagePath>> asMap() {
        return Collections.unmodifiableSortedMap(lists);
    }
}
