package org.onewindow.connectors;

/** The bytes the harvester fetched for a request, with what the server said about them. */
public record FetchedPage(PageRequest request, String finalUrl, int status, String contentType, byte[] body) {}
