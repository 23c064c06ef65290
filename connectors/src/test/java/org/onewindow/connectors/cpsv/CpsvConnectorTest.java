package org.onewindow.connectors.cpsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.Fixtures;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.Listing;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.mappings.model.RawRecord;

class CpsvConnectorTest {

    private static final String BASE = "https://www.mois.go.kr";

    @Test
    void everyPublicServiceOfAKoreanTurtleCatalogueIsARecordWithNothingMoreToFetch() throws IOException {
        CpsvConnector connector =
                new CpsvConnector(BASE, new CpsvSettings(List.of("/cpsv/catalogue.ttl"), null, null, "identifier"));
        GatherResult result = connector.gather(
                page("mois-cpsv/catalogue.ttl", "text/turtle; charset=utf-8", BASE + "/cpsv/catalogue.ttl"));

        assertThat(result.records())
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("MOIS-CPSV-001", "MOIS-CPSV-002", "MOIS-CPSV-003");
        assertThat(result.records()).allMatch(ref -> !ref.needsFetch());
        assertThat(result.next()).isEmpty();

        RawRecord moving = extract(connector, result.records().get(0));
        assertThat(moving.url()).isEqualTo(BASE + "/cpsv/service/MOIS-CPSV-001");
        assertThat(moving.values("title")).containsExactly("전입신고");
        assertThat(moving.values("title@en")).containsExactly("Moving-in Report");
        assertThat(moving.values("description")).singleElement().asString().startsWith("다른 시군구에서 이사한");
        assertThat(moving.values("competentAuthority")).containsExactly("행정안전부");
        assertThat(moving.values("competentAuthorityId")).containsExactly("1741000");
        assertThat(moving.values("evidence")).containsExactly("신분증", "임대차계약서(해당자)");
        assertThat(moving.values("requirement")).containsExactly("이사한 날부터 14일 이내 신고");
        assertThat(moving.values("telephone")).containsExactly("110");
        assertThat(moving.values("thematicArea")).containsExactly("행정·안전");
        assertThat(moving.values("keyword")).containsExactlyInAnyOrder("전입", "주민등록");
    }

    @Test
    void theSameCatalogueGivesTheSameFieldsInTheSameOrderEveryTimeItIsRead() throws IOException {
        CpsvConnector connector =
                new CpsvConnector(BASE, new CpsvSettings(List.of("/cpsv/catalogue.ttl"), null, null, "identifier"));
        List<List<RawRecord>> reads = new ArrayList<>();
        for (int read = 0; read < 5; read++) {
            GatherResult result = connector.gather(
                    page("mois-cpsv/catalogue.ttl", "text/turtle; charset=utf-8", BASE + "/cpsv/catalogue.ttl"));
            List<RawRecord> records = new ArrayList<>();
            for (RecordRef ref : result.records()) {
                records.add(extract(connector, ref));
            }
            reads.add(records);
        }

        assertThat(reads)
                .allSatisfy(records -> assertThat(records)
                        .extracting(RawRecord::fields)
                        .containsExactlyElementsOf(
                                reads.get(0).stream().map(RawRecord::fields).toList()));
        assertThat(reads.get(0))
                .allSatisfy(record -> record.fields().forEach((field, values) -> {
                    if (!field.contains("@")
                            && !field.equals("title")
                            && !field.equals("description")
                            && !field.equals("name")) {
                        assertThat(values).as(field).isSorted();
                    }
                }));
    }

    @Test
    void readsRdfXmlToo() throws IOException {
        CpsvConnector connector =
                new CpsvConnector(BASE, new CpsvSettings(List.of("/cpsv/catalogue.rdf"), null, null, "identifier"));
        GatherResult result =
                connector.gather(page("mois-cpsv/catalogue.rdf", "application/rdf+xml", BASE + "/cpsv/catalogue.rdf"));

        RawRecord grant = extract(connector, result.records().get(0));
        assertThat(grant.values("title")).containsExactly("재난지원금 신청");
        assertThat(grant.values("competentAuthority")).containsExactly("행정안전부");
    }

    @Test
    void readsTheOfficialCpsvApExampleInTurtleAndJsonLdAlike() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                "http://example.com", new CpsvSettings(List.of("/catalogue"), null, null, "identifier"));
        RawRecord fromTurtle = extract(
                connector,
                connector
                        .gather(page(
                                "cpsv-ap-example/example-rdf_public_service.ttl",
                                "text/turtle",
                                "http://example.com/catalogue.ttl"))
                        .records()
                        .get(0));
        RawRecord fromJsonLd = extract(
                connector,
                connector
                        .gather(page(
                                "cpsv-ap-example/example-inline-context.jsonld",
                                "application/ld+json",
                                "http://example.com/catalogue.jsonld"))
                        .records()
                        .get(0));

        assertThat(fromTurtle.sourceRecordId()).isEqualTo("Tax-on-web");
        assertThat(fromTurtle.values("title")).containsExactly("Tax-on-web");
        assertThat(fromTurtle.values("competentAuthority")).containsExactly("Federal Public Service FINANCE");
        assertThat(fromTurtle.values("telephone")).containsExactly("+32 257 25757");
        assertThat(fromTurtle.values("description@fr")).hasSize(1);
        assertThat(fromJsonLd.fields()).isEqualTo(fromTurtle.fields());
    }

    @Test
    void aCpsvAp2ServiceGivesItsContactPointFormalFrameworkAndChannelAddressNotItsOwner() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                "https://www.suomi.fi", new CpsvSettings(List.of("/catalogue.ttl"), null, null, "identifier"));
        RawRecord passport = extract(
                connector,
                connector
                        .gather(page("cpsv-ap-2/catalogue.ttl", "text/turtle", "https://www.suomi.fi/catalogue.ttl"))
                        .records()
                        .get(0));

        assertThat(passport.values("telephone")).containsExactly("+358 295 419 800");
        assertThat(passport.values("email")).containsExactly("passport@poliisi.fi");
        assertThat(passport.values("formalFramework")).containsExactly("Passport Act (671/2006)");
        assertThat(passport.values("channelUrl"))
                .as("the channel's address; the owner's IRI is none")
                .containsExactly("https://asiointi.poliisi.fi/passi");
    }

    @Test
    void aRemoteJsonLdContextIsNeverFetchedAndTheErrorSaysSo() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                "http://example.com", new CpsvSettings(List.of("/catalogue"), null, null, "identifier"));
        Fixtures.assertUnreadable(connector.gather(page(
                        "cpsv-ap-example/example-rdf_public_service.jsonld",
                        "application/ld+json",
                        "http://example.com/catalogue.jsonld")))
                .contains("remote JSON-LD context not fetched: https://semiceu.github.io/");
    }

    @Test
    void aLanguageTagJenaCannotReportOnIsAnUnreadableCatalogueNotAnException() throws IOException {
        // Jena's RDF/XML parser fails formatting its own error for xml:lang="ko#html"
        // (IllegalFormatConversionException)
        CpsvConnector connector =
                new CpsvConnector(BASE, new CpsvSettings(List.of("/cpsv/catalogue.rdf"), null, null, "identifier"));

        Fixtures.assertUnreadable(connector.gather(page(
                        "mois-cpsv/catalogue-bad-language-tag.rdf",
                        "application/rdf+xml",
                        BASE + "/cpsv/catalogue.rdf")))
                .startsWith("unreadable CPSV-AP catalogue (RDF/XML): the RDF parser failed");
    }

    @Test
    void aCatalogueNestedTooDeeplyForTheParserIsUnreadableNotAStackOverflow() {
        // found by fuzzing: Jena's JSON-LD reader (glassfish JSON) recurses once per level of nesting
        byte[] nested = ("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
        CpsvConnector connector = new CpsvConnector(
                BASE, new CpsvSettings(List.of("/cpsv/catalogue.jsonld"), "jsonld", null, "identifier"));

        Fixtures.assertUnreadable(connector.gather(new FetchedPage(
                        PageRequest.get(BASE + "/cpsv/catalogue.jsonld"),
                        BASE + "/cpsv/catalogue.jsonld",
                        200,
                        "application/ld+json",
                        nested)))
                .contains("nested too deeply");
    }

    @Test
    void aTurtleSyntaxErrorIsAClearGatherError() throws IOException {
        CpsvConnector connector =
                new CpsvConnector(BASE, new CpsvSettings(List.of("/cpsv/catalogue.ttl"), "turtle", null, "identifier"));
        Fixtures.assertUnreadable(connector.gather(
                        page("mois-cpsv/catalogue-broken.ttl", "text/turtle", BASE + "/cpsv/catalogue.ttl")))
                .contains("unreadable CPSV-AP catalogue")
                .contains("line: 7");
    }

    @Test
    void aRecordUrlTemplateGivesEachServiceItsPublicPage() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                BASE, new CpsvSettings(List.of("/cpsv/catalogue.ttl"), null, "/svc/view.do?id={id}", "identifier"));
        RawRecord record = extract(
                connector,
                connector
                        .gather(page("mois-cpsv/catalogue.ttl", "text/turtle", BASE + "/cpsv/catalogue.ttl"))
                        .records()
                        .get(1));
        assertThat(record.url()).isEqualTo(BASE + "/svc/view.do?id=MOIS-CPSV-002");
    }

    @Test
    void anUnknownFormatFailsAtCreation() {
        assertThatThrownBy(() -> new CpsvConnector(BASE, new CpsvSettings(List.of("/c.ttl"), "n3", null, "identifier")))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("format");
    }

    private static final String FI = "https://www.suomi.fi";

    /** Reads a catalogue's documents through one reading of its listing, as a harvest does: their records at the end. */
    private static List<RecordRef> readListing(CpsvConnector connector, String... fixtures) throws IOException {
        Listing listing = connector.listing();
        PageRequest next = connector.firstPage();
        for (int document = 0; document < fixtures.length; document++) {
            GatherResult result = listing.gather(page(fixtures[document], "text/turtle", next.url()));
            assertThat(result.failure()).isEmpty();
            if (document < fixtures.length - 1) {
                assertThat(result.records())
                        .as("no record before the last document is read")
                        .isEmpty();
                next = result.next().orElseThrow();
            } else {
                assertThat(result.next()).isEmpty();
                return result.records();
            }
        }
        throw new IllegalArgumentException("no fixture");
    }

    @Test
    void aServiceDescribedInSeveralDocumentsOfTheCatalogueIsOneRecordWithEverythingEachSays() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                FI, new CpsvSettings(List.of("/catalogue/services.ttl", "/catalogue/channels.ttl"), null, null, null));

        List<RecordRef> records = readListing(connector, "cpsv-ap-split/services.ttl", "cpsv-ap-split/channels.ttl");

        assertThat(records)
                .extracting(RecordRef::sourceRecordId)
                .containsExactly(FI + "/palvelut/id-card", FI + "/palvelut/passport");
        RawRecord passport = extract(connector, records.get(1));
        assertThat(passport.values("title")).containsExactly("Passport");
        assertThat(passport.values("keyword")).containsExactly("travel document");
        assertThat(passport.values("telephone")).containsExactly("+358 295 419 800");
        assertThat(passport.values("channelUrl")).containsExactly("https://asiointi.poliisi.fi/passi");
        assertThat(passport.values("competentAuthority"))
                .as("the organisation's name, from the other document")
                .containsExactly("Police of Finland");
        assertThat(passport.values("competentAuthorityId")).containsExactly("FI-POLICE");
        assertThat(extract(connector, records.get(0)).values("telephone")).containsExactly("+358 295 419 801");
    }

    @Test
    void aServiceKeepsItsIdWhenItsPublisherAddsADctIdentifier() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                FI, new CpsvSettings(List.of("/catalogue/services.ttl", "/catalogue/channels.ttl"), null, null, null));

        List<String> before =
                readListing(connector, "cpsv-ap-split/services.ttl", "cpsv-ap-split/channels.ttl").stream()
                        .map(RecordRef::sourceRecordId)
                        .toList();
        List<String> after =
                readListing(connector, "cpsv-ap-split/services-later.ttl", "cpsv-ap-split/channels.ttl").stream()
                        .map(RecordRef::sourceRecordId)
                        .toList();

        assertThat(after).isEqualTo(before).contains(FI + "/palvelut/passport");
    }

    @Test
    void identifierIdsFollowTheDctIdentifierAndFallBackToTheIri() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                FI,
                new CpsvSettings(
                        List.of("/catalogue/services.ttl", "/catalogue/channels.ttl"), null, null, "identifier"));

        assertThat(readListing(connector, "cpsv-ap-split/services.ttl", "cpsv-ap-split/channels.ttl"))
                .extracting(RecordRef::sourceRecordId)
                .containsExactly("FI-ID-CARD", FI + "/palvelut/passport");
    }

    @Test
    void anUnreadableLaterDocumentMakesTheWholeListingUnreadableNotAPartialOne() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                FI,
                new CpsvSettings(List.of("/catalogue/services.ttl", "/catalogue/broken.ttl"), "turtle", null, null));
        Listing listing = connector.listing();

        GatherResult first =
                listing.gather(page("cpsv-ap-split/services.ttl", "text/turtle", FI + "/catalogue/services.ttl"));
        GatherResult second =
                listing.gather(page("mois-cpsv/catalogue-broken.ttl", "text/turtle", FI + "/catalogue/broken.ttl"));

        assertThat(first.records()).isEmpty();
        Fixtures.assertUnreadable(second).contains("unreadable CPSV-AP catalogue");
    }

    @Test
    void eachReadingOfTheListingStartsFromNothing() throws IOException {
        CpsvConnector connector = new CpsvConnector(
                FI, new CpsvSettings(List.of("/catalogue/services.ttl", "/catalogue/channels.ttl"), null, null, null));

        List<RecordRef> first = readListing(connector, "cpsv-ap-split/services.ttl", "cpsv-ap-split/channels.ttl");
        List<RecordRef> second = readListing(connector, "cpsv-ap-split/services.ttl", "cpsv-ap-split/channels.ttl");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aDocumentListedTwiceOrAnUnknownIdRuleFailsAtCreation() {
        assertThatThrownBy(() -> new CpsvConnector(FI, new CpsvSettings(List.of("/a.ttl", "/a.ttl"), null, null, null)))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new CpsvConnector(FI, new CpsvSettings(List.of("/a.ttl"), null, null, "uuid")))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("recordIds: 'uuid' is not iri or identifier");
    }

    private static RawRecord extract(CpsvConnector connector, RecordRef ref) {
        ExtractResult result = connector.extract(ref, null);
        assertThat(result).isInstanceOf(ExtractResult.Extracted.class);
        return ((ExtractResult.Extracted) result).record();
    }

    private static FetchedPage page(String fixture, String contentType, String url) throws IOException {
        try (InputStream in = CpsvConnectorTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            return new FetchedPage(PageRequest.get(url), url, 200, contentType, in.readAllBytes());
        }
    }
}
