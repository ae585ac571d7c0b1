package org.clearinghouse.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.search.SearchHit;
import org.clearinghouse.search.SearchResults;

/**
 * Turns search results into what the search and resources templates show: hits, pagination
 * links, "did you mean", and facet values as links that add or remove a filter (so filtering
 * works without JavaScript).
 */
final class SearchModels {
    private SearchModels() {}

    static Map<String, Object> results(SearchResults results, int page, int pageSize) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("total", results.total());
        model.put("hits", results.hits().stream().map(SearchModels::hit).toList());
        model.put("suggestion", results.suggestion().orElse(""));
        long pages = Math.max(1, (results.total() + pageSize - 1) / pageSize);
        model.put("page", page);
        model.put("pages", pages);
        model.put("hasPrevious", page > 1);
        model.put("hasNext", page < pages);
        model.put("facets", results.facets());
        return model;
    }

    private static Map<String, Object> hit(SearchHit hit) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", hit.path());
        model.put("title", hit.title());
        model.put("snippet", hit.snippet());
        model.put("summary", hit.summary());
        model.put("tags", hit.tags());
        model.put("type", hit.type().orElse(""));
        return model;
    }

    /**
     * For each facet, its values as links: following one adds that filter (or removes it when
     * already active), keeping the query and the other filters.
     */
    static Map<String, Object> facetLinks(String base, String query, SearchRoutes.Filters filters) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("clear", url(base, query, Optional.empty(), Optional.empty(), Optional.empty()));
        links.put("page", pageLinks(base, query, filters));
        return links;
    }

    /** The URL for a facet value: toggles {@code facet=value} on top of the current filters. */
    static String toggle(String base, String query, SearchRoutes.Filters filters, String facet, String value) {
        Optional<String> v = Optional.of(value);
        return switch (facet) {
            case "tags" -> url(base, query, same(filters.tag(), value) ? Optional.empty() : v, filters.audience(), filters.type());
            case "audience" -> url(base, query, filters.tag(), same(filters.audience(), value) ? Optional.empty() : v, filters.type());
            default -> url(base, query, filters.tag(), filters.audience(), same(filters.type(), value) ? Optional.empty() : v);
        };
    }

    /** Facet values with counts, links and whether each is the active filter, for one facet. */
    static List<Map<String, Object>> facetValues(Map<String, Integer> counts, String base, String query,
            SearchRoutes.Filters filters, String facet) {
        List<Map<String, Object>> values = new ArrayList<>();
        Optional<String> active = facet.equals("tags") ? filters.tag()
                : facet.equals("audience") ? filters.audience() : filters.type();
        counts.forEach((value, count) -> values.add(Map.of("name", value, "count", count,
                "href", toggle(base, query, filters, facet, value), "active", same(active, value))));
        return values;
    }

    private static Map<String, String> pageLinks(String base, String query, SearchRoutes.Filters filters) {
        String url = url(base, query, filters.tag(), filters.audience(), filters.type());
        return Map.of("base", url + (url.contains("?") ? "&" : "?") + "page=");
    }

    private static boolean same(Optional<String> active, String value) {
        return active.isPresent() && active.get().equalsIgnoreCase(value);
    }

    static String url(String base, String query, Optional<String> tag, Optional<String> audience,
            Optional<String> type) {
        StringBuilder url = new StringBuilder(base);
        char separator = '?';
        for (String[] param : new String[][] {{"q", query}, {"tag", tag.orElse("")},
                {"audience", audience.orElse("")}, {"type", type.orElse("")}}) {
            if (!param[1].isBlank()) {
                url.append(separator).append(param[0]).append('=').append(URLEncoder.encode(param[1], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }
}
