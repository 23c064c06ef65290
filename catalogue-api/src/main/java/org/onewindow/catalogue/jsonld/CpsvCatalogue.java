package org.onewindow.catalogue.jsonld;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.onewindow.mappings.model.SourceLanguage;

/**
 * Writes the catalogue as CPSV-AP 3.2 JSON-LD, one service at a time as it is read: each service a
 * {@code cpsv:PublicService} (identifier, title, description, competent authority, keywords, language-tagged in the record's own language, and
 * that language as dct:language), then
 * each competent authority a {@code cv:PublicOrganisation}. The {@code @context} is inline, so no reader has to fetch
 * anything to understand it. Services are written and forgotten; only the organisations wait for the end.
 */
public final class CpsvCatalogue {

    /** Korea, in the EU's country authority table: where every organisation of the catalogue is. */
    static final String KOREA = "http://publications.europa.eu/resource/authority/country/KOR";

    /** A competent authority as the first of its services names it, in that service's language. */
    private record Organisation(String name, String code, SourceLanguage language) {}

    private final ObjectMapper json;
    private final JsonGenerator out;
    private final String baseUrl;
    /**
     * The organisations met so far, by key, written after the services. Held whole: a catalogue has a few hundred
     * competent authorities (one per agency and local government), so this stays small whatever the services number.
     */
    private final Map<String, Organisation> organisations = new LinkedHashMap<>();
    /** The languages of the services written so far, each written once at the end as a dct:LinguisticSystem. */
    private final Set<SourceLanguage> languages = EnumSet.noneOf(SourceLanguage.class);

    /**
     * Starts the document on {@code out}.
     *
     * @param baseUrl the catalogue API's public address, for the services' and organisations' IRIs
     */
    public CpsvCatalogue(ObjectMapper json, JsonGenerator out, String baseUrl) throws IOException {
        this.json = json;
        this.out = out;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        out.writeStartObject();
        ObjectNode context = json.createObjectNode();
        context.put("cpsv", "http://purl.org/vocab/cpsv#")
                .put("cv", "http://data.europa.eu/m8g/")
                .put("dct", "http://purl.org/dc/terms/")
                .put("dcat", "http://www.w3.org/ns/dcat#")
                .put("skos", "http://www.w3.org/2004/02/skos/core#")
                .put("foaf", "http://xmlns.com/foaf/0.1/");
        out.writeFieldName("@context");
        out.writeTree(context);
        out.writeArrayFieldStart("@graph");
    }

    /** Writes one catalogue record (as the index holds it). */
    public void add(JsonNode record) throws IOException {
        String id = record.path("id").asText();
        SourceLanguage language =
                SourceLanguage.ofRecord(record.path("language").asText(null));
        ObjectNode service = json.createObjectNode();
        service.put("@id", baseUrl + "/api/v1/services/" + id);
        service.put("@type", "cpsv:PublicService");
        service.put("dct:identifier", id);
        service.set("dct:title", localized(record.path("name"), language));
        JsonNode description =
                record.path("description").isMissingNode() ? record.path("summary") : record.path("description");
        service.set(
                "dct:description",
                description.isMissingNode()
                        ? localized(record.path("name"), language)
                        : localized(description, language));
        if (record.path("keywords").size() > 0) {
            ArrayNode keywords = service.putArray("dcat:keyword");
            record.path("keywords")
                    .forEach(k -> keywords.addObject().put("@value", k.asText()).put("@language", language.tag()));
        }
        service.putArray("dct:language").addObject().put("@id", language.authorityIri());
        languages.add(language);
        if (record.hasNonNull("url")) {
            service.putObject("foaf:homepage").put("@id", record.path("url").asText());
        }
        JsonNode authority = record.path("competentAuthority");
        String key = authority.hasNonNull("code")
                ? authority.path("code").asText()
                : "name-" + Integer.toHexString(authority.path("name").asText().hashCode());
        organisations.computeIfAbsent(
                key,
                k -> new Organisation(
                        authority.path("name").asText("unknown"),
                        authority.hasNonNull("code") ? authority.path("code").asText() : null,
                        language));
        service.putObject("cv:hasCompetentAuthority").put("@id", organisationIri(key));
        out.writeTree(service);
    }

    /** Writes the organisations and ends the document. */
    public void finish() throws IOException {
        if (!organisations.isEmpty()) {
            ObjectNode korea = json.createObjectNode().put("@id", KOREA).put("@type", "dct:Location");
            korea.putObject("skos:prefLabel").put("@value", "대한민국").put("@language", "ko");
            out.writeTree(korea);
        }
        for (SourceLanguage language : languages) {
            ObjectNode system =
                    json.createObjectNode().put("@id", language.authorityIri()).put("@type", "dct:LinguisticSystem");
            system.putObject("skos:prefLabel")
                    .put("@value", language.englishName())
                    .put("@language", "en");
            out.writeTree(system);
        }
        for (Map.Entry<String, Organisation> entry : organisations.entrySet()) {
            ObjectNode organisation = json.createObjectNode();
            organisation.put("@id", organisationIri(entry.getKey()));
            organisation.put("@type", "cv:PublicOrganisation");
            organisation
                    .putObject("skos:prefLabel")
                    .put("@value", entry.getValue().name())
                    .put("@language", entry.getValue().language().tag());
            if (entry.getValue().code() != null) {
                organisation.put("dct:identifier", entry.getValue().code());
            }
            organisation.putObject("dct:spatial").put("@id", KOREA);
            out.writeTree(organisation);
        }
        out.writeEndArray();
        out.writeEndObject();
        out.flush();
    }

    private String organisationIri(String key) {
        return baseUrl + "/api/v1/agencies/" + key;
    }

    /** Language-tagged values of a {ko, en} text; a plain string is in the record's language. */
    private JsonNode localized(JsonNode text, SourceLanguage language) {
        ArrayNode values = json.createArrayNode();
        if (text.isTextual()) {
            values.addObject().put("@value", text.asText()).put("@language", language.tag());
            return values;
        }
        text.fields()
                .forEachRemaining(entry -> values.addObject()
                        .put("@value", entry.getValue().asText())
                        .put("@language", entry.getKey()));
        return values;
    }
}
