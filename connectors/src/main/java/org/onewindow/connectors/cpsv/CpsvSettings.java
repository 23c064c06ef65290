package org.onewindow.connectors.cpsv;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Settings of the CPSV-AP connector.
 *
 * @param catalogue one RDF document describing the agency's public services (path or URL)
 * @param format    turtle, rdfxml or jsonld; absent: from the Content-Type, then the file extension
 * @param recordUrl public page of a service with {@code {id}} (its dct:identifier); absent: the service's IRI
 */
public record CpsvSettings(@JsonProperty(required = true) String catalogue, String format, String recordUrl) {}
