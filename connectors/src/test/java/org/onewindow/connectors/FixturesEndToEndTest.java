package org.onewindow.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.mappings.engine.MappingEngine;
import org.onewindow.mappings.engine.MappingResult;
import org.onewindow.mappings.model.AgencyType;
import org.onewindow.mappings.model.RawRecord;
import org.onewindow.mappings.model.ServiceRecord;
import org.onewindow.mappings.source.SourceDefinition;

/** Saved pages → connector → mapping: every content page of the demo site becomes a publishable record. */
class FixturesEndToEndTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/mohw-welfare");
    private static final Pattern VIEW_FIXTURE = Pattern.compile("view-(?:table|dl)-(WLF\\d+)\\.html");

    private final SourceDefinition source = MohwWelfareFixtures.source();
    private final SourceConnector connector = MohwWelfareFixtures.connector();
    private final MappingEngine engine = new MappingEngine();

    static Stream<String> viewFixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(name -> VIEW_FIXTURE.matcher(name).matches())
                    .sorted()
                    .toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(3);
            return names.stream();
        }
    }

    private static String idOf(String fileName) {
        Matcher m = VIEW_FIXTURE.matcher(fileName);
        assertThat(m.matches()).isTrue();
        return m.group(1);
    }

    private MappingResult harvest(RecordRef ref, String fileName) {
        FetchedPage page = MohwWelfareFixtures.viewPage(ref.sourceRecordId(), fileName);
        RawRecord raw = assertThat(connector.extract(ref, page))
                .asInstanceOf(type(ExtractResult.Extracted.class))
                .actual()
                .record();
        return engine.map(source, raw);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viewFixtures")
    void mapsEverySavedViewPageToAValidServiceRecord(String fileName) {
        String id = idOf(fileName);

        MappingResult result = harvest(MohwWelfareFixtures.ref(id), fileName);

        assertThat(result.problems()).isEmpty();
        ServiceRecord record = result.record();
        assertThat(record.id()).isEqualTo("mohw-welfare~" + id);
        assertThat(record.sourceId()).isEqualTo("mohw-welfare");
        assertThat(record.sourceRecordId()).isEqualTo(id);
        assertThat(record.url()).isEqualTo(MohwWelfareFixtures.viewUrl(id));
        assertThat(record.name().ko()).isNotBlank().doesNotContain("\uFFFD");
        assertThat(record.summary().ko()).isNotBlank();
        assertThat(record.description().ko()).isNotBlank();
        assertThat(record.audience()).isNotBlank();
        assertThat(record.benefits()).isNotBlank();
        assertThat(record.howToApply()).isNotBlank();
        assertThat(record.requiredDocuments())
                .isNotEmpty()
                .allSatisfy(document -> assertThat(document).isNotBlank().doesNotContain("\n"));
        assertThat(record.categories()).hasSize(1);
        assertThat(record.competentAuthority().name()).isEqualTo("보건복지부");
        assertThat(record.competentAuthority().code()).isEqualTo("1352000");
        assertThat(record.competentAuthority().type()).isEqualTo(AgencyType.CENTRAL);
        assertThat(record.competentAuthority().department()).endsWith("과");
        assertThat(record.lastModified()).isNotNull();
    }

    @Test
    void mapsTheDefinitionListPageLikeTheTablePages() {
        ServiceRecord record = harvest(MohwWelfareFixtures.ref("WLF00000116"), "view-dl-WLF00000116.html")
                .record();

        assertThat(record.name().ko()).isEqualTo("첫만남이용권");
        assertThat(record.supportType()).isEqualTo("이용권");
        assertThat(record.audience()).isEqualTo("2022년 1월 1일 이후 출생하여 출생신고를 한 아동의 보호자");
        assertThat(record.requiredDocuments()).containsExactly("사회보장급여 신청(변경)서", "신분증", "국민행복카드 사본");
        assertThat(record.competentAuthority().department()).isEqualTo("출산정책과");
        assertThat(record.applicationPeriod()).isEqualTo("출생일로부터 1년 이내");
        assertThat(record.lastModified()).isEqualTo(LocalDate.of(2025, 3, 4));
    }

    @Test
    void harvestsTheRecordsGatheredFromTheFirstListPageThatHaveSavedPages() {
        List<RecordRef> refs = connector
                .gather(MohwWelfareFixtures.listPage(1, "list-page-1.html"))
                .records();

        List<ServiceRecord> records = refs.stream()
                .filter(ref -> Files.exists(FIXTURES.resolve("view-table-" + ref.sourceRecordId() + ".html"))
                        || Files.exists(FIXTURES.resolve("view-dl-" + ref.sourceRecordId() + ".html")))
                .map(ref -> {
                    String fileName = Files.exists(FIXTURES.resolve("view-table-" + ref.sourceRecordId() + ".html"))
                            ? "view-table-" + ref.sourceRecordId() + ".html"
                            : "view-dl-" + ref.sourceRecordId() + ".html";
                    MappingResult result = harvest(ref, fileName);
                    assertThat(result.problems()).as(fileName).isEmpty();
                    return result.record();
                })
                .toList();

        assertThat(records)
                .extracting(ServiceRecord::id)
                .containsExactly("mohw-welfare~WLF00000101", "mohw-welfare~WLF00000116", "mohw-welfare~WLF00000160");
        assertThat(records)
                .extracting(record -> record.name().ko())
                .containsExactly("기초연금", "첫만남이용권", "청년수당 (구직활동 지원금)");
    }
}
