package org.onewindow.catalogue.jsonld;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The catalogue as CPSV-AP 3.2 JSON-LD: each service a {@code cpsv:PublicService} (identifier, title, description,
 * competent authority, keywords, language-tagged), each competent authority a {@code cv:PublicOrganisation}. The
 * {@code @context} is inline, so no reader has to fetch anything to understand it.
 */
public final class CpsvCatalogue {

    /** Korea, in the EU's country authority table: where every organisation of the catalogue is. */
    static final String KOREA = "http://publications.europa.eu/resource/authority/country/KOR";

    private final ObjectMapper json;
    private final String baseUrl;
    private final ObjectNode document;
    private final ArrayNode graph;
    private final Map<String, ObjectNode> organisations = new LinkedHashMap<>();

    /** @param baseUrl the catalogue API's address, for the services' and organisations' IRIs */
    public CpsvCatalogue(ObjectMapper json, String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        document = json.createObjectNode();
        ObjectNode context = document.putObject("@context");
        context.put("cpsv", "http://purl.org/vocab/cpsv#").put("cv", "http://data.europa.eu/m8g/")
                .put("dct", "http://purl.org/dc/terms/").put("dcat", "http://www.w3.org/ns/dcat#")
                .put("skos", "http://www.w3.org/2004/02/skos/core#").put("foaf", "http://xmlns.com/foaf/0.1/");
        graph = document.putArray("@graph");
    }

    /** Adds one catalogue record (as the index holds it). */
    public void add(JsonNode record) {
        String id = record.path("id").asText();
        ObjectNode service = graph.addObject();
        service.put("@id", baseUrl + "/api/v1/services/" + id);
        service.put("@type", "cpsv:PublicService");
        service.put("dct:identifier", id);
        service.set("dct:title", localized(record.path("name")));
        JsonNode description = record.path("description").isMissingNode() ? record.path("summary") : record.path("description");
        service.set("dct:description", description.isMissingNode() ? localized(record.path("name")) : localized(description));
        if (record.path("keywords").size() > 0) {
            ArrayNode keywords = service.putArray("dcat:keyword");
            record.path("keywords").forEach(k -> keywords.addObject().put("@value", k.asText()).put("@language", "ko"));
        }
        if (record.hasNonNull("url")) {
            service.putObject("foaf:homepage").put("@id", record.path("url").asText());
        }
        JsonNode authority = record.path("competentAuthority");
        String key = authority.hasNonNull("code") ? authority.path("code").asText() : "name-" + Integer.toHexString(authority.path("name").asText().hashCode());
        service.putObject("cv:hasCompetentAuthority").put("@id", organisation(key, authority).path("@id").asText());
    }

    public ObjectNode document() {
        if (!organisations.isEmpty()) {
            ObjectNode korea = graph.addObject().put("@id", KOREA).put("@type", "dct:Location");
            korea.putObject("skos:prefLabel").put("@value", "대한민국").put("@language", "ko");
        }
        organisations.values().forEach(graph::add);
        organisations.clear();
        return document;
    }

    private ObjectNode organisation(String key, JsonNode authority) {
        return organisations.computeIfAbsent(key, k -> {
            ObjectNode organisation = json.createObjectNode();
            organisation.put("@id", baseUrl + "/api/v1/agencies/" + k);
            organisation.put("@type", "cv:PublicOrganisation");
            organisation.putObject("skos:prefLabel").put("@value", authority.path("name").asText("unknown")).put("@language", "ko");
            if (authority.hasNonNull("code")) {
                organisation.put("dct:identifier", authority.path("code").asText());
            }
            organisation.putObject("dct:spatial").put("@id", KOREA);
            return organisation;
        });
    }

    /** Language-tagged values of a {ko, en} text. */
    private JsonNode localized(JsonNode text) {
        ArrayNode values = json.createArrayNode();
        if (text.isTextual()) {
            values.addObject().put("@value", text.asText()).put("@language", "ko");
            return values;
        }
        text.fields().forEachRemaining(entry -> values.addObject().put("@value", entry.getValue().asText()).put("@language", entry.getKey()));
        return values;
    }
}
