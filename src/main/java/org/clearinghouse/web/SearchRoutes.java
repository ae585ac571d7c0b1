package org.clearinghouse.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.search.SearchHit;
import org.clearinghouse.search.SearchRequest;
import org.clearinghouse.search.SearchResults;
import org.clearinghouse.wiki.Wiki;

/**
 * Search for visitors: the results page (works without JavaScript), browsing every resource by
 * facets, the JSON search and title-suggestion API, and the OpenSearch description that lets a
 * browser add the wiki as a search engine.
 */
final class SearchRoutes {
    static final int PAGE_SIZE = 20;
    private static final int MAX_QUERY_CHARS = 500;

    private final Wiki wiki;
    private final Pages pages;

    SearchRoutes(Wiki wiki, Pages pages) {
        this.wiki = wiki;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/search", this::searchPage);
        routes.get("/resources", this::resourcesPage);
        routes.get(ApiRoutes.PREFIX + "/search", this::searchJson);
        routes.get(ApiRoutes.PREFIX + "/suggest", this::suggestJson);
        routes.get("/opensearch.xml", this::openSearch);
    }

    private void searchPage(Context ctx) {
        String query = query(ctx);
        int page = Math.max(1, intParam(ctx, "page", 1));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", query);
        Filters filters = Filters.of(ctx);
        if (!query.isBlank() || filters.any()) {
            SearchResults results = query.isBlank()
                    ? wiki.browse(filters.tag(), filters.audience(), filters.type(), PAGE_SIZE, (page - 1) * PAGE_SIZE)
                    : wiki.search(new SearchRequest(query, filters.tag(), filters.audience(), filters.type(),
                            PAGE_SIZE, (page - 1) * PAGE_SIZE));
            model.put("results", SearchModels.results(results, page, PAGE_SIZE));
            model.put("facets", facets(results, "/search", query, filters));
        }
        model.put("filters", filters.toModel());
        model.put("filterLinks", SearchModels.facetLinks("/search", query, filters));
        pages.send(ctx, "search", model);
    }

    private void resourcesPage(Context ctx) {
        int page = Math.max(1, intParam(ctx, "page", 1));
        Filters filters = Filters.of(ctx);
        SearchResults results = wiki.browse(filters.tag(), filters.audience(), filters.type(), 50, (page - 1) * 50);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("results", SearchModels.results(results, page, 50));
        model.put("facets", facets(results, "/resources", "", filters));
        model.put("filters", filters.toModel());
        model.put("filterLinks", SearchModels.facetLinks("/resources", "", filters));
        pages.send(ctx, "resources", model);
    }

    private static Map<String, Object> facets(SearchResults results, String base, String query, Filters filters) {
        Map<String, Object> facets = new LinkedHashMap<>();
        for (String facet : List.of("type", "audience", "tags")) {
            facets.put(facet, SearchModels.facetValues(results.facets().getOrDefault(facet, Map.of()), base, query,
                    filters, facet));
        }
        return facets;
    }

    private void searchJson(Context ctx) {
        Filters filters = Filters.of(ctx);
        int limit = intParam(ctx, "limit", 10);
        int offset = intParam(ctx, "offset", 0);
        String query = query(ctx);
        SearchResults results = query.isBlank()
                ? wiki.browse(filters.tag(), filters.audience(), filters.type(), limit, offset)
                : wiki.search(new SearchRequest(query, filters.tag(), filters.audience(), filters.type(), limit, offset));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", results.total());
        json.put("hits", results.hits().stream().map(SearchRoutes::hit).toList());
        json.put("facets", results.facets());
        json.put("suggestion", results.suggestion().orElse(null));
        ctx.json(json);
    }

    private static Map<String, Object> hit(SearchHit hit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", hit.path());
        json.put("title", hit.title());
        json.put("snippet", hit.snippet());
        json.put("score", hit.score());
        json.put("tags", hit.tags());
        return json;
    }

    private void suggestJson(Context ctx) {
        String prefix = query(ctx);
        List<Map<String, Object>> suggestions = prefix.isBlank() ? List.of()
                : wiki.suggest(prefix, Math.max(1, Math.min(20, intParam(ctx, "limit", 8)))).stream()
                        .map(s -> Map.<String, Object>of("path", s.path(), "title", s.title())).toList();
        ctx.json(Map.of("suggestions", suggestions));
    }

    /** Lets browsers offer "search Clearinghouse" from the address bar. */
    private void openSearch(Context ctx) {
        String base = ctx.scheme() + "://" + ctx.host();
        ctx.contentType("application/opensearchdescription+xml; charset=utf-8");
        ctx.result("""
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                  <ShortName>Clearinghouse</ShortName>
                  <Description>Search the recruitment clearinghouse</Description>
                  <InputEncoding>UTF-8</InputEncoding>
                  <Url type="text/html" method="get" template="%1$s/search?q={searchTerms}"/>
                  <Url type="application/json" rel="suggestions" template="%1$s/api/v1/suggest?q={searchTerms}"/>
                </OpenSearchDescription>
                """.formatted(Xml.escape(base)));
    }

    static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) {
            return "";
        }
        return q.length() > MAX_QUERY_CHARS ? q.substring(0, MAX_QUERY_CHARS) : q;
    }

    static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("The parameter " + name + " must be a whole number.");
        }
    }

    /** The facet filters of a request ({@code tag}, {@code audience}, {@code type}). */
    record Filters(Optional<String> tag, Optional<String> audience, Optional<String> type) {
        static Filters of(Context ctx) {
            return new Filters(param(ctx, "tag"), param(ctx, "audience"), param(ctx, "type"));
        }

        private static Optional<String> param(Context ctx, String name) {
            return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> v.length() > 100 ? v.substring(0, 100) : v);
        }

        boolean any() {
            return tag.isPresent() || audience.isPresent() || type.isPresent();
        }

        Map<String, Object> toModel() {
            return Map.of("tag", tag.orElse(""), "audience", audience.orElse(""), "type", type.orElse(""));
        }
    }
}
