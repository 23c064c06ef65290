package org.onewindow.catalogue.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.index.ServiceIndex;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;

/**
 * A source in English (its mapping says {@code language: en}) is not labelled Korean anywhere the catalogue writes
 * language tags: the schema.org detail and the CPSV-AP export, whose shapes still accept it.
 */
class SourceLanguageJsonLdTest {

    private static final String BASE = "https://catalogue.example";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    private final ObjectMapper json = new ObjectMapper();

    private static SourceDefinition source(String id, String code, String agency, String language) {
        String file = """
                id: %s
                agency: {code: "%s", name: "%s", type: local}
                connector: {kind: html, baseUrl: "https://www.seoul.go.kr", settings: {}}
                schedule: "0 0 4 * * ?"
                licence: {type: KOGL-1}
                language: %s
                fields:
                  name: title
                  summary: summary
                  keywords: {from: tags, split: ","}
                """.formatted(id, code, agency, language);
        return new SourceDefinitionReader()
                .read("sources/" + id + ".yaml", file)
                .definition();
    }

    /** The record as the index holds it: mapped by the engine, then the index's document of it. */
    private JsonNode indexed(SourceDefinition source, String id, String title, String summary, String tags)
            throws Exception {
        var record = new MappingEngine()
                .map(
                        source,
                        new RawRecord(
                                id,
                                "https://www.seoul.go.kr/s/" + id,
                                Map.of("title", List.of(title), "summary", List.of(summary), "tags", List.of(tags))))
                .record();
        return json.readTree(ServiceIndex.indexDocument(json, json.writeValueAsString(record)));
    }

    private JsonNode english() throws Exception {
        return indexed(
                source("seoul-en", "6110000", "Seoul Metropolitan Government", "en"),
                "BR-1",
                "Business Registration for Foreigners",
                "How foreign residents register a business in Seoul.",
                "business, registration");
    }

    private JsonNode korean() throws Exception {
        return indexed(source("seoul-ko", "3000000", "종로구", "ko"), "K-1", "사업자 등록", "외국인 사업자 등록 안내", "사업자, 등록");
    }

    @Test
    void theSchemaOrgDetailOfAnEnglishServiceTagsItsTextsEnglish() throws Exception {
        JsonNode service = new SchemaOrgService(json).of(english(), BASE + "/api/v1/services/seoul-en~BR-1");

        assertThat(service.path("name")).hasSize(1);
        assertThat(service.path("name").get(0).path("@language").asText()).isEqualTo("en");
        assertThat(service.path("name").get(0).path("@value").asText())
                .isEqualTo("Business Registration for Foreigners");
        assertThat(service.path("description").get(0).path("@language").asText())
                .isEqualTo("en");
        assertThat(service.toString()).doesNotContain("\"@language\":\"ko\"");
    }

    @Test
    void theCpsvExportLabelsEachServiceInItsSourcesLanguageAndTheShapesAcceptIt() throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = json.createGenerator(text)) {
            CpsvCatalogue catalogue = new CpsvCatalogue(json, out, BASE);
            catalogue.add(english());
            catalogue.add(korean());
            catalogue.finish();
        }
        Model data = ModelFactory.createDefaultModel();
        RDFParser.fromString(text.toString(), Lang.JSONLD).parse(data.getGraph());

        Resource englishService = data.getResource(BASE + "/api/v1/services/seoul-en~BR-1");
        assertThat(languagesOf(englishService, data.createProperty(DCT, "title")))
                .containsOnly("en");
        assertThat(languagesOf(englishService, data.createProperty(DCT, "description")))
                .containsOnly("en");
        assertThat(languagesOf(englishService, data.createProperty(DCAT, "keyword")))
                .containsOnly("en");
        assertThat(englishService
                        .getPropertyResourceValue(data.createProperty(DCT, "language"))
                        .getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/language/ENG");
        Resource koreanService = data.getResource(BASE + "/api/v1/services/seoul-ko~K-1");
        assertThat(languagesOf(koreanService, data.createProperty(DCT, "title")))
                .containsOnly("ko");
        assertThat(koreanService
                        .getPropertyResourceValue(data.createProperty(DCT, "language"))
                        .getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/language/KOR");
        Resource englishAuthority = englishService.getPropertyResourceValue(
                data.createProperty("http://data.europa.eu/m8g/", "hasCompetentAuthority"));
        assertThat(englishAuthority
                        .getProperty(data.createProperty(SKOS, "prefLabel"))
                        .getLanguage())
                .isEqualTo("en");

        Model shapes = ModelFactory.createDefaultModel();
        try (InputStream in = getClass().getResourceAsStream("/cpsv-ap/cpsv-ap-SHACL.ttl")) {
            RDFDataMgr.read(shapes, in, Lang.TURTLE);
        }
        assertThat(ShaclValidator.get()
                        .validate(shapes.getGraph(), data.getGraph())
                        .conforms())
                .as("CPSV-AP 3.2 SHACL validation")
                .isTrue();
    }

    private static List<String> languagesOf(Resource subject, Property property) {
        return subject.listProperties(property).toList().stream()
                .map(statement -> statement.getObject())
                .map(RDFNode::asLiteral)
                .map(literal -> literal.getLanguage())
                .toList();
    }
}
