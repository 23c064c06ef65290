package org.onewindow.catalogue.search;

import java.util.List;

/** A page of search results and how many matched in all. */
public record SearchPage(long total, int page, int size, List<ServiceSummary> items) {
}
