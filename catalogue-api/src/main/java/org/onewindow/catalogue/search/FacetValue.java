package org.onewindow.catalogue.search;

/** One value of a facet with how many services of the current search have it: {@code value} is what to filter by. */
public record FacetValue(String value, String label, long count) {}
