package org.onewindow.connectors.cpsv;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Settings of the CPSV-AP connector.
 *
 * @param catalogue one RDF document describing the agency's public services (path or URL), or a list of them read as
 *                  one catalogue: a service described in several is one record, its statements merged by its IRI
 * @param format    turtle, rdfxml or jsonld; absent: from the Content-Type, then the file extension
 * @param recordUrl public page of a service with {@code {id}} (its dct:identifier, else its IRI); absent: the IRI
 * @param recordIds how a service is known from one harvest to the next: {@code iri} (default), its IRI, which stays
 *                  when the publisher adds or changes a dct:identifier; {@code identifier}, its dct:identifier, for a
 *                  catalogue whose IRIs move (they name the host serving it) while its identifiers stay. A service
 *                  without IRI is known by its dct:identifier either way.
 */
public record CpsvSettings(
        @JsonProperty(required = true) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> catalogue,

        String format,
        String recordUrl,
        String recordIds) {}
