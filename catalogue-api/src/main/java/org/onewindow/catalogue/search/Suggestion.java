package org.onewindow.catalogue.search;

/** A service name to complete the citizen's typing with, and the service it leads to. */
public record Suggestion(String id, String name) {}
