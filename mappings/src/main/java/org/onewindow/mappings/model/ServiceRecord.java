package org.onewindow.mappings.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The common schema: one government service, whatever source described it. Field meanings follow the Korean
 * public service API (정부24), CPSV-AP 3.2 and schema.org GovernmentService (see ARCHITECTURE.md).
 * Display fields controlled by a vocabulary ({@code supportType}, {@code categories}) hold the term's Korean label;
 * code fields ({@code audienceCodes}, {@code lifeEvents}, {@code region}) hold term codes.
 * {@code language} is the source's language ({@link SourceLanguage}), the language of the record's untagged text;
 * absent for Korean, so that records written before sources had a language keep their JSON and content hash.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceRecord(
        String id,
        String sourceId,
        String sourceRecordId,
        String url,
        String language,
        LocalizedText name,
        LocalizedText summary,
        LocalizedText description,
        String supportType,
        String audience,
        List<String> audienceCodes,
        String eligibility,
        String benefits,
        String howToApply,
        String onlineApplicationUrl,
        String applicationPeriod,
        List<String> requiredDocuments,
        CompetentAuthority competentAuthority,
        String contact,
        List<String> categories,
        List<String> lifeEvents,
        List<String> keywords,
        List<String> region,
        List<String> legalBasis,
        LocalDate lastModified,
        Integer popularity,
        Licence licence,
        String attribution,
        Map<String, String> html) {

    /** Raw fields carrying a page's sanitised HTML for another raw field are named {@code <field>#html}. */
    public static final String HTML_SUFFIX = "#html";

    public ServiceRecord {
        // Sorted, not Map.copyOf: its iteration order changes from one JVM to the next, and with it the JSON and
        // the content hash, which would make every restarted harvester see every record as changed.
        html = html == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(html));
        audienceCodes = copy(audienceCodes);
        requiredDocuments = copy(requiredDocuments);
        categories = copy(categories);
        lifeEvents = copy(lifeEvents);
        keywords = copy(keywords);
        region = copy(region);
        legalBasis = copy(legalBasis);
    }

    /** The same record under the catalogue id the harvester allocated for it ({@link CatalogueIds}). */
    public ServiceRecord withId(String catalogueId) {
        return catalogueId.equals(id)
                ? this
                : new ServiceRecord(
                        catalogueId,
                        sourceId,
                        sourceRecordId,
                        url,
                        language,
                        name,
                        summary,
                        description,
                        supportType,
                        audience,
                        audienceCodes,
                        eligibility,
                        benefits,
                        howToApply,
                        onlineApplicationUrl,
                        applicationPeriod,
                        requiredDocuments,
                        competentAuthority,
                        contact,
                        categories,
                        lifeEvents,
                        keywords,
                        region,
                        legalBasis,
                        lastModified,
                        popularity,
                        licence,
                        attribution,
                        html);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
