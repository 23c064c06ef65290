package org.onewindow.connectors.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.onewindow.connectors.Connectors;
import org.onewindow.connectors.Fixtures;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.mappings.source.ConnectorSpec;
import org.onewindow.mappings.source.SourceDefinition;

/**
 * A kind of source as the fuzzer drives it: the bundled mapping file that maps its records, the connector it reads
 * a document with, the documents saved from it (seeds for mutation), the URL they are answered on and the
 * Content-Types a server might label them with.
 */
record Subject(
        String kind,
        SourceDefinition source,
        SourceConnector connector,
        List<Path> documents,
        String url,
        List<String> contentTypes) {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Map<String, String> ENV = Map.of("ONEWINDOW_SECRET_GOV24_KEY", "OneWindowFuzz+Key==");

    static List<Subject> all() {
        List<String> html = List.of(
                "text/html; charset=utf-8", "text/html; charset=euc-kr", "text/html", "text/plain; charset=bogus-9");
        List<String> xml = List.of(
                "application/xml",
                "text/xml; charset=euc-kr",
                "application/rss+xml; charset=utf-8",
                "application/octet-stream");
        return List.of(
                subject(
                        "html",
                        "mohw-welfare",
                        Function.identity(),
                        files("mohw-welfare", ".html"),
                        "/portal/svc/view.do?menuNo=200123&svcId=WLF00000101",
                        html),
                subject(
                        "sitemap",
                        "seoul-sitemap",
                        Function.identity(),
                        files("seoul-sitemap", ""),
                        "/welfare/archives/view.do?svcId=SEOUL-2025-0101",
                        Stream.concat(xml.stream(), html.stream()).toList()),
                subject(
                        "json-api",
                        "gov24-api",
                        Function.identity(),
                        files("gov24-api", ".json"),
                        "/api/gov24/v3/serviceDetail?cond%5B%EC%84%9C%EB%B9%84%EC%8A%A4ID%3A%3AEQ%5D=135200000101",
                        List.of(
                                "application/json;charset=UTF-8",
                                "application/json",
                                "application/json; charset=euc-kr",
                                "text/html")),
                subject(
                        "feed",
                        "jongno-gu-feed",
                        Function.identity(),
                        files("jongno-gu-feed", ".xml"),
                        "/rss/service.xml",
                        xml),
                subject(
                        "jsonld",
                        "nhis-jsonld",
                        Function.identity(),
                        files("nhis-jsonld", ".html"),
                        "/nhis/svc/view.do?svcNo=NHIS0101",
                        html),
                cpsv("turtle", ".ttl", "text/turtle; charset=utf-8"),
                cpsv("rdfxml", ".rdf", "application/rdf+xml"),
                cpsv("jsonld", ".jsonld", "application/ld+json"));
    }

    /** The CPSV-AP catalogue in one RDF syntax, mapped by the bundled mois-cpsv file. */
    private static Subject cpsv(String format, String extension, String contentType) {
        List<Path> documents = Stream.concat(
                        files("mois-cpsv", extension).stream(), files("cpsv-ap-example", extension).stream())
                .toList();
        return subject(
                "cpsv-ap " + format,
                "mois-cpsv",
                settings -> settings.put("format", format),
                documents,
                "/cpsv/catalogue" + extension,
                List.of(contentType, "text/plain"));
    }

    private static Subject subject(
            String kind,
            String sourceId,
            Function<ObjectNode, ObjectNode> settings,
            List<Path> documents,
            String path,
            List<String> contentTypes) {
        SourceDefinition source = Fixtures.bundledSource(sourceId);
        ConnectorSpec spec = source.connector();
        ObjectNode adjusted = settings.apply(spec.settings().deepCopy());
        SourceConnector connector =
                Connectors.create(new ConnectorSpec(spec.kind(), spec.baseUrl(), adjusted), spec.baseUrl(), ENV::get);
        return new Subject(kind, source, connector, documents, spec.baseUrl() + path, contentTypes);
    }

    private static List<Path> files(String folder, String extension) {
        try (Stream<Path> files = Files.list(FIXTURES.resolve(folder))) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension))
                    .filter(file -> !file.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path document) {
        try {
            return Files.readAllBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
