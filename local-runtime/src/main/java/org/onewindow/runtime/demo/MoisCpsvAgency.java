package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * 행정안전부's CPSV-AP catalogue ({@code mois-cpsv}): one Turtle document describing every public service with
 * Korean and English titles and descriptions, the competent authority, required evidence, requirements and a
 * contact point, as the EU's CPSV-AP 3.2 vocabulary has it.
 */
public final class MoisCpsvAgency extends SiteOfAgency {

    public static final String SOURCE_ID = "mois-cpsv";
    public static final String AGENCY_NAME = "행정안전부";
    static final String CATALOGUE_PATH = "/cpsv/catalogue.ttl";

    public MoisCpsvAgency() {
        super(SOURCE_ID, AGENCY_NAME, "mois-cpsv", CATALOGUE_PATH);
    }

    @Override
    public void stub(WireMockServer server) {
        String origin = "http://127.0.0.1:" + server.port();
        server.stubFor(get(urlPathEqualTo(CATALOGUE_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/turtle; charset=UTF-8")
                        .withBody(catalogue(origin))));
        Robots.stub(server);
    }

    private String catalogue(String origin) {
        StringBuilder ttl = new StringBuilder("""
                @prefix cpsv: <http://purl.org/vocab/cpsv#> .
                @prefix cv: <http://data.europa.eu/m8g/> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> .

                <%1$s/cpsv/org/mois> a cv:PublicOrganisation ;
                    dct:identifier "1741000" ;
                    skos:prefLabel "행정안전부"@ko, "Ministry of the Interior and Safety"@en ;
                    dct:spatial <http://publications.europa.eu/resource/authority/country/KOR> .

                """.formatted(origin));
        for (DemoService s : services()) {
            String iri = "<" + origin + "/cpsv/service/" + s.id() + ">";
            ttl.append(iri)
                    .append(" a cpsv:PublicService ;\n")
                    .append("    dct:identifier ")
                    .append(literal(s.id(), null))
                    .append(" ;\n")
                    .append("    dct:title ")
                    .append(literal(s.name(), "ko"));
            if (s.nameEn() != null) {
                ttl.append(", ").append(literal(s.nameEn(), "en"));
            }
            ttl.append(" ;\n    dct:description ").append(literal(s.summary(), "ko"));
            if (s.summaryEn() != null) {
                ttl.append(", ").append(literal(s.summaryEn(), "en"));
            }
            ttl.append(" ;\n    cv:hasCompetentAuthority <")
                    .append(origin)
                    .append("/cpsv/org/mois> ;\n")
                    .append("    cv:thematicArea [ skos:prefLabel ")
                    .append(literal(s.category(), "ko"))
                    .append(" ] ;\n");
            for (String requirement : s.audience().lines().toList()) {
                ttl.append("    cv:holdsRequirement [ a cv:Requirement ; dct:title ")
                        .append(literal(requirement, "ko"))
                        .append(" ] ;\n");
            }
            for (String evidence : s.documents()) {
                ttl.append("    cpsv:hasInput [ a cv:Evidence ; dct:title ")
                        .append(literal(evidence, "ko"))
                        .append(" ] ;\n");
            }
            ttl.append("    cpsv:produces [ a cv:Output ; dct:title ")
                    .append(literal(s.benefits(), "ko"))
                    .append(" ] ;\n")
                    .append("    cv:contactPoint [ a cv:ContactPoint ; cv:telephone ")
                    .append(literal(s.contact(), null))
                    .append(" ] ;\n")
                    .append("    dct:modified ")
                    .append(literal(s.updatedAt(), null))
                    .append(" .\n\n");
        }
        return ttl.toString();
    }

    private static String literal(String text, String language) {
        String escaped = text.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\r", "");
        return "\"" + escaped + "\"" + (language == null ? "" : "@" + language);
    }
}
