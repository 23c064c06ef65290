package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The catalogue export, read as RDF and validated against the official CPSV-AP 3.2 SHACL shapes by Jena SHACL. */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class CpsvExportTest {

    @Test
    void theWholeCatalogueIsCpsvApThatTheOfficialShapesAccept() throws Exception {
        String body = given().get("/api/v1/catalogue.jsonld")
                .then()
                .statusCode(200)
                .contentType("application/ld+json")
                .extract()
                .asString();

        Model data = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, Lang.JSONLD).parse(data.getGraph());
        Graph shapes;
        try (InputStream in = CpsvExportTest.class.getResourceAsStream("/cpsv-ap/cpsv-ap-SHACL.ttl")) {
            Model model = ModelFactory.createDefaultModel();
            RDFDataMgr.read(model, in, Lang.TURTLE);
            shapes = model.getGraph();
        }
        ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());

        if (!report.conforms()) {
            ShLib.printReport(report);
        }
        assertThat(report.conforms()).as("CPSV-AP 3.2 SHACL validation").isTrue();
        assertThat(data.listSubjectsWithProperty(
                                RDF.type, ResourceFactory.createResource("http://purl.org/vocab/cpsv#PublicService"))
                        .toList())
                .hasSize(CatalogueServicesTestResource.FIXTURE_SERVICES);
        assertThat(data.listSubjectsWithProperty(
                                RDF.type,
                                ResourceFactory.createResource("http://data.europa.eu/m8g/PublicOrganisation"))
                        .toList())
                .hasSizeGreaterThan(5);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isPositive();
    }
}
