package org.onewindow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.onewindow.connectors.Connectors;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;
import org.onewindow.runtime.demo.DemoAgency;
import org.onewindow.runtime.demo.DemoAgencyWeb;
import org.onewindow.runtime.demo.JongnoGuAgency;
import org.onewindow.runtime.demo.MohwWelfareAgency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction (issue 12, benchmark 1): a kind's connector and its source's mapping over saved pages of the demo sites
 * (≥ 10,000 records each), against the raw parse of the very same bytes by the library the kind uses (Jsoup for the
 * HTML board's pages, Jackson for the JSON API's list pages, the JDK's XML parser for the feed). The pages are served
 * once by the demo agencies over generated services (the board's bytes are read from it directly) and kept in memory;
 * one operation is one page (a record page, a list page of 1,000 records, a feed of its records).
 *
 * <pre>scripts/bench-extraction</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ExtractionBenchmark {

    static final int RECORDS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code html}: 보건복지부's board, a page per record; {@code json}: an API's list pages; {@code feed}: 종로구's RSS. */
    @Param({"html", "json", "feed"})
    public String kind;

    private SourceDefinition definition;
    private SourceConnector connector;
    private final MappingEngine mapping = new MappingEngine();
    /** Pages as fetched, with the record each one is (record pages) or null (listing pages, whose records it carries). */
    private final List<FetchedPage> pages = new ArrayList<>();

    private final List<RecordRef> refs = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void savePages() throws IOException, InterruptedException {
        String sourceId = "extraction-" + kind;
        DemoAgency agency = switch (kind) {
            case "html" -> new MohwWelfareAgency(sourceId, List.copyOf(new GeneratedCatalogue(RECORDS)));
            case "feed" -> new JongnoGuAgency(sourceId, List.copyOf(new GeneratedCatalogue(RECORDS)));
            case "json" -> new GeneratedAgency(sourceId, RECORDS);
            default -> throw new IllegalArgumentException(kind);
        };
        String file = switch (kind) {
            case "html" -> "/sources/mohw-welfare.yaml";
            case "feed" -> "/sources/jongno-gu-feed.yaml";
            default -> "/" + GeneratedAgency.MAPPING_FILE;
        };
        String text;
        try (var in = ExtractionBenchmark.class.getResourceAsStream(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SourceDefinitionReader.Result read = new SourceDefinitionReader().read(file, text);
        if (read.definition() == null) {
            throw new IllegalStateException(file + ": " + read.problems());
        }
        definition = read.definition();
        List<RecordRef> listed = new ArrayList<>();
        if (agency instanceof MohwWelfareAgency board) {
            // 10,000 pages through WireMock with 10,000 stubs take minutes: the board's bytes, read directly
            connector = Connectors.create(definition.connector(), "http://board.invalid");
            gather(listed, request -> page(request, "text/html;charset=EUC-KR", board.listPage(pageIndex(request))));
            for (RecordRef ref : listed) {
                pages.add(page(ref.request(), "text/html", board.recordPage(queryParameter(ref.request(), "svcId"))));
                refs.add(ref);
            }
        } else {
            try (DemoAgencyWeb web = DemoAgencyWeb.start(List.of(agency), port -> 0)) {
                connector = Connectors.create(definition.connector(), web.baseUrl(sourceId));
                HttpClient http = HttpClient.newHttpClient();
                gather(listed, request -> fetch(http, request));
            }
        }
        if (listed.size() < RECORDS) {
            throw new IllegalStateException(kind + ": the site listed " + listed.size() + " records, not " + RECORDS);
        }
    }

    /** Reads the listing from its first page; listing pages that carry their records are kept as the pages measured. */
    private void gather(List<RecordRef> listed, PageSource source) throws IOException, InterruptedException {
        Deque<PageRequest> toRead = new ArrayDeque<>(List.of(connector.firstPage()));
        Set<String> seen = new HashSet<>();
        while (!toRead.isEmpty()) {
            PageRequest request = toRead.removeFirst();
            if (!seen.add(request.key())) {
                continue;
            }
            FetchedPage page = source.read(request);
            GatherResult gathered = connector.gather(page);
            listed.addAll(gathered.records());
            gathered.next().ifPresent(toRead::addFirst);
            toRead.addAll(gathered.alsoRead());
            if (!"html".equals(kind)) {
                pages.add(page);
                refs.add(null);
            }
        }
    }

    private interface PageSource {
        FetchedPage read(PageRequest request) throws IOException, InterruptedException;
    }

    private static FetchedPage page(PageRequest request, String contentType, byte[] body) {
        return new FetchedPage(request, request.url(), 200, contentType, body);
    }

    private static int pageIndex(PageRequest request) {
        String index = request.form().getOrDefault("pageIndex", queryParameter(request, "pageIndex"));
        return index == null ? 1 : Integer.parseInt(index);
    }

    private static String queryParameter(PageRequest request, String name) {
        String query = URI.create(request.url()).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** The kind's connector and the source's mapping: what the harvest's extract route does with the page. */
    @Benchmark
    public int extractAndMap() {
        int i = next++ % pages.size();
        FetchedPage page = pages.get(i);
        RecordRef ref = refs.get(i);
        if (ref != null) {
            return mapped(ref, page);
        }
        int valid = 0;
        for (RecordRef carried : connector.gather(page).records()) {
            valid += mapped(carried, null);
        }
        return valid;
    }

    /** The library alone: the same bytes parsed, nothing more. */
    @Benchmark
    public Object rawParse() throws Exception {
        FetchedPage page = pages.get(next++ % pages.size());
        return switch (kind) {
            case "html" -> Jsoup.parse(new ByteArrayInputStream(page.body()), null, page.finalUrl());
            case "json" -> JSON.readTree(page.body());
            default ->
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(page.body()));
        };
    }

    private int mapped(RecordRef ref, FetchedPage page) {
        ExtractResult extracted = connector.extract(ref, page);
        if (!(extracted instanceof ExtractResult.Extracted record)) {
            throw new IllegalStateException(kind + ": not extracted: " + extracted);
        }
        MappingResult result = mapping.map(definition, record.record());
        return result.valid() ? 1 : 0;
    }

    private static FetchedPage fetch(HttpClient http, PageRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()));
        if (request.method() == PageRequest.Method.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.form().entrySet().stream()
                            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))));
        }
        HttpResponse<byte[]> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.url() + " answered " + answer.statusCode());
        }
        return new FetchedPage(
                request,
                request.url(),
                answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(null),
                answer.body());
    }
}
