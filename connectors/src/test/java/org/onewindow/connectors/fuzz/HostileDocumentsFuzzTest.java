package org.onewindow.connectors.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.html.DisplayHtml;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.ExtractBudgetExceededException;

/**
 * Random and mutated documents of every kind (the saved fixtures, cut, shuffled, nested deep, badly encoded, planted
 * with hostile markup and {@code #html} keys) read as a listing page and as a record page: each gives records or
 * per-record errors, never an exception out of {@code gather} or {@code extract}, and every record mapped by the
 * source's bundled mapping file carries only renditions {@link DisplayHtml#isSafe} accepts. Fixed seed, bounded tries.
 */
class HostileDocumentsFuzzTest {

    private static final String SEED = "20261202";
    private static final List<Subject> SUBJECTS = Subject.all();
    private static final int RECORDS_PER_LISTING = 25;

    private final MappingEngine engine = new MappingEngine();

    /** A document as the harvester would hand it over: which kind reads it, its bytes and its Content-Type. */
    record Document(Subject subject, byte[] body, String contentType) {

        @Override
        public String toString() {
            return subject + " " + contentType + " "
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                    + (body.length > 300 ? "… (" + body.length + " bytes)" : "");
        }
    }

    @Property(tries = 400, seed = SEED, edgeCases = EdgeCasesMode.NONE)
    void mutatedDocumentsGiveRecordsOrErrorsAndOnlySafeHtml(@ForAll("mutatedDocuments") Document document) {
        readAsListingAndAsRecordPage(document);
    }

    @Property(tries = 200, seed = SEED, edgeCases = EdgeCasesMode.NONE)
    void randomDocumentsGiveRecordsOrErrorsAndOnlySafeHtml(@ForAll("randomDocuments") Document document) {
        readAsListingAndAsRecordPage(document);
    }

    @Provide
    Arbitrary<Document> mutatedDocuments() {
        return Arbitraries.of(SUBJECTS)
                .flatMap(subject -> Combinators.combine(
                                Arbitraries.of(subject.documents()),
                                mutations().list().ofMinSize(1).ofMaxSize(3),
                                contentTypes(subject),
                                Arbitraries.integers().between(0, 2))
                        .as((path, mutations, contentType, gzipOdds) -> {
                            byte[] body = Subject.read(path);
                            for (Mutation mutation : mutations) {
                                body = mutation.apply(body);
                            }
                            boolean gzipped = subject.kind().equals("sitemap") && gzipOdds == 0;
                            return new Document(subject, gzipped ? gzip(body) : body, contentType);
                        }));
    }

    @Provide
    Arbitrary<Document> randomDocuments() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4_096);
        Arbitrary<byte[]> text =
                Arbitraries.strings().all().ofMaxLength(2_000).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> markup = Arbitraries.of(Mutation.HOSTILE)
                .list()
                .ofMaxSize(30)
                .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.of(SUBJECTS)
                .flatMap(subject -> Combinators.combine(
                                Arbitraries.oneOf(bytes, text, markup), Arbitraries.of(subject.contentTypes()))
                        .as((body, contentType) -> new Document(subject, body, contentType)));
    }

    /** Mostly what the source really sends, sometimes a wrong or missing label. */
    private static Arbitrary<String> contentTypes(Subject subject) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(subject.contentTypes().get(0))),
                Tuple.of(1, Arbitraries.of(subject.contentTypes())),
                Tuple.of(1, Arbitraries.just(null)));
    }

    private static Arbitrary<Mutation> mutations() {
        // hostile markup most often: the other operations break documents, which mostly tests their rejection
        Arbitrary<Mutation.Operation> operations = Arbitraries.frequency(
                Tuple.of(6, Mutation.Operation.INJECT),
                Tuple.of(1, Mutation.Operation.TRUNCATE),
                Tuple.of(1, Mutation.Operation.DELETE),
                Tuple.of(1, Mutation.Operation.DUPLICATE),
                Tuple.of(1, Mutation.Operation.SWAP),
                Tuple.of(1, Mutation.Operation.NEST),
                Tuple.of(1, Mutation.Operation.INVALID_BYTES));
        Arbitrary<Double> places = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> payloads = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(Mutation.HOSTILE)), Tuple.of(1, Arbitraries.of(Mutation.OPENINGS)));
        return Combinators.combine(operations, places, places, payloads).as(Mutation::new);
    }

    private void readAsListingAndAsRecordPage(Document document) {
        Subject subject = document.subject();
        FetchedPage page = new FetchedPage(
                PageRequest.get(subject.url()), subject.url(), 200, document.contentType(), document.body());

        GatherResult gathered = subject.connector().gather(page);
        gathered.failure()
                .ifPresent(reason -> assertThat(gathered.records())
                        .as("an unreadable page names no record")
                        .isEmpty());
        for (RecordRef ref :
                gathered.records().stream().limit(RECORDS_PER_LISTING).toList()) {
            check(subject, subject.connector().extract(ref, ref.needsFetch() ? page : null));
        }
        check(subject, subject.connector().extract(new RecordRef(idIn(subject), page.request()), page));
    }

    private void check(Subject subject, ExtractResult extracted) {
        assertThat(extracted).isNotNull();
        if (extracted instanceof ExtractResult.Extracted record) {
            RawRecord raw = record.record();
            ServiceRecord mapped;
            try {
                mapped = engine.map(subject.source(), raw).record();
            } catch (ExtractBudgetExceededException perRecordError) {
                return; // a map error for this record alone, as the harvester records it
            }
            assertThat(mapped.html().values())
                    .as("renditions of %s", raw.sourceRecordId())
                    .allMatch(DisplayHtml::isSafe);
        }
    }

    /** The record id the subject's record URL names (a json-api detail answer must hold it to be read). */
    private static String idIn(Subject subject) {
        return subject.url().replaceFirst("^.*[=/]", "");
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
