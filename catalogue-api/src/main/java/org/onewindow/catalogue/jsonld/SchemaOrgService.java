package org.onewindow.catalogue.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.onewindow.mappings.model.SourceLanguage;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabularies;
import org.onewindow.mappings.vocabulary.Vocabulary;

/**
 * A catalogue record as a schema.org {@code GovernmentService} (JSON-LD), following the schema.org column of the
 * common schema (ARCHITECTURE.md): language-tagged name and description, provider and operator, channel, area
 * served, category, licence.
 */
public final class SchemaOrgService {

    private static final Vocabulary REGIONS = Vocabularies.bundled().get(Vocabularies.REGIONS);

    private final ObjectMapper json;

    public SchemaOrgService(ObjectMapper json) {
        this.json = json;
    }

    /** @param selfUrl this service's address in the catalogue API, the document's {@code @id} */
    public ObjectNode of(JsonNode record, String selfUrl) {
        ObjectNode service = json.createObjectNode();
        service.put("@context", "https://schema.org");
        service.put("@type", "GovernmentService");
        service.put("@id", selfUrl);
        service.put("identifier", record.path("id").asText());
        SourceLanguage language =
                SourceLanguage.ofRecord(record.path("language").asText(null));
        service.set("name", localized(record.path("name"), language));
        JsonNode description =
                record.path("description").isMissingNode() ? record.path("summary") : record.path("description");
        if (!description.isMissingNode()) {
            service.set("description", localized(description, language));
        }
        copy(record, "supportType", service, "serviceType");
        copy(record, "url", service, "url");
        copy(record, "lastModified", service, "dateModified");
        if (record.hasNonNull("audience")) {
            service.putObject("audience")
                    .put("@type", "Audience")
                    .put("audienceType", record.path("audience").asText());
        }
        JsonNode authority = record.path("competentAuthority");
        if (authority.hasNonNull("name")) {
            ObjectNode organization = json.createObjectNode()
                    .put("@type", "GovernmentOrganization")
                    .put("name", authority.path("name").asText());
            if (authority.hasNonNull("code")) {
                organization.put("identifier", authority.path("code").asText());
            }
            service.set("provider", organization);
            service.set("serviceOperator", organization.deepCopy());
        }
        ArrayNode channels = json.createArrayNode();
        for (JsonNode channel : record.path("channels")) { // read when the record was indexed (ServiceIndex)
            ObjectNode serviceChannel = channels.addObject()
                    .put("@type", "ServiceChannel")
                    .put("name", channel.path("type").asText());
            copy(channel, "url", serviceChannel, "serviceUrl");
            if (channel.hasNonNull("phone")) {
                ObjectNode phone = serviceChannel
                        .putObject("servicePhone")
                        .put("@type", "ContactPoint")
                        .put("telephone", channel.path("phone").asText());
                copy(channel, "label", phone, "name");
            }
            copy(channel, "description", serviceChannel, "description");
        }
        if (channels.isEmpty() && record.hasNonNull("url")) {
            channels.addObject()
                    .put("@type", "ServiceChannel")
                    .put("serviceUrl", record.path("url").asText());
        }
        if (!channels.isEmpty()) {
            service.set("availableChannel", channels);
        }
        if (record.path("categories").size() > 0) {
            service.set("category", record.path("categories").deepCopy());
        }
        if (record.path("keywords").size() > 0) {
            ArrayNode keywords = service.putArray("keywords");
            record.path("keywords").forEach(keywords::add);
        }
        if (record.path("region").size() > 0) {
            ArrayNode areas = service.putArray("areaServed");
            for (JsonNode code : record.path("region")) {
                ObjectNode area = areas.addObject()
                        .put("@type", code.asText().equals("KR") ? "Country" : "AdministrativeArea")
                        .put("identifier", code.asText());
                REGIONS.byCode(code.asText()).map(Term::ko).ifPresent(name -> area.put("name", name));
            }
        }
        JsonNode licence = record.path("licence");
        if (licence.hasNonNull("url")) {
            service.put("license", licence.path("url").asText());
        }
        return service;
    }

    /**
     * One language-tagged value per language, a lone plain string in the record's language: one shape whatever the record holds, which typed
     * clients generated from the OpenAPI document can read (a string here and an array there they cannot).
     */
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

    private static void copy(JsonNode record, String field, ObjectNode target, String property) {
        if (record.hasNonNull(field)) {
            target.put(property, record.path(field).asText());
        }
    }
}
