package org.onewindow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.connectors.Connectors;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;
import org.onewindow.runtime.demo.DemoService;

class GeneratedCatalogueTest {

    @Test
    void theSameIndexAlwaysGivesTheSameServiceAndEveryIdIsItsOwn() {
        GeneratedCatalogue catalogue = new GeneratedCatalogue(5_000);
        GeneratedCatalogue again = new GeneratedCatalogue(5_000);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < catalogue.size(); i++) {
            assertThat(catalogue.get(i)).isEqualTo(again.get(i));
            ids.add(catalogue.get(i).id());
        }
        assertThat(ids).hasSize(5_000);
        assertThat(catalogue.baseCount()).isEqualTo(314);
    }

    @Test
    void laterRoundsAreTheDemoServicesRunByRegions() {
        GeneratedCatalogue catalogue = new GeneratedCatalogue(1_000);
        DemoService original = catalogue.get(0);
        DemoService regional = catalogue.get(catalogue.baseCount());
        assertThat(regional.summary()).isEqualTo(original.summary());
        assertThat(regional.name()).endsWith(" " + original.name()).isNotEqualTo(original.name());
        assertThat(regional.regionCode()).isNotEqualTo("KR").isNotNull();
        assertThat(regional.agencyName()).isNotEqualTo(original.agencyName());
    }

    @Test
    void everyListPageMapsIntoValidRecordsThroughTheBenchMappingFile() throws IOException {
        SourceDefinition source = mappingFile();
        String base = "http://127.0.0.1:8099";
        SourceConnector connector = Connectors.create(source.connector(), base);
        GeneratedAgency agency = new GeneratedAgency(2_500); // 8 rounds: nationwide, then 시도 and 시군구
        MappingEngine engine = new MappingEngine();

        List<ServiceRecord> records = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(connector.firstPage());
        int pages = 0;
        while (next.isPresent()) {
            PageRequest request = next.get();
            int page = Integer.parseInt(request.url().replaceAll(".*[?&]page=(\\d+).*", "$1"));
            GatherResult gathered = connector.gather(new FetchedPage(
                    request,
                    request.url(),
                    200,
                    "application/json; charset=utf-8",
                    agency.page(page, 1000).getBytes(StandardCharsets.UTF_8)));
            for (RecordRef ref : gathered.records()) {
                ExtractResult extracted = connector.extract(ref, null);
                MappingResult mapped = engine.map(
                        source,
                        assertThat(extracted)
                                .asInstanceOf(type(ExtractResult.Extracted.class))
                                .actual()
                                .record());
                assertThat(mapped.problems()).as(ref.sourceRecordId()).isEmpty();
                assertThat(mapped.warnings()).as(ref.sourceRecordId()).isEmpty();
                records.add(mapped.record());
            }
            next = gathered.next();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(records).hasSize(2_500);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.categories()).isNotEmpty();
            assertThat(record.region()).isNotEmpty();
            assertThat(record.competentAuthority().name()).isNotBlank();
            assertThat(record.popularity()).isNotNull();
        });
        assertThat(records.stream().flatMap(r -> r.region().stream()).distinct().count())
                .isGreaterThan(5);
    }

    private static SourceDefinition mappingFile() throws IOException {
        try (InputStream in = GeneratedAgency.class.getResourceAsStream("/" + GeneratedAgency.MAPPING_FILE)) {
            SourceDefinitionReader.Result result = new SourceDefinitionReader()
                    .read(GeneratedAgency.MAPPING_FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(result.problems()).isEmpty();
            return result.definition();
        }
    }
}
