package org.clearinghouse.search;

/** A page offered while the visitor types in the search box: where it is and what it is called. */
public record TitleSuggestion(String path, String title) {}
