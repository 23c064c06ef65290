package org.onewindow.mappings.model;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The common schema: one government service, whatever source described it. Field meanings follow the Korean
 * public service API (정부24), CPSV-AP 3.2 and schema.org GovernmentService (see ARCHITECTURE.md).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceRecord(
        String id,
        String sourceId,
        String sourceRecordId,
        String url,
        LocalizedText name,
        LocalizedText summary,
        LocalizedText description,
        String supportType,
        String audience,
        String eligibility,
        String benefits,
        String howToApply,
        String applicationPeriod,
        List<String> requiredDocuments,
        CompetentAuthority competentAuthority,
        String contact,
        List<String> categories,
        LocalDate lastModified) {

    public ServiceRecord {
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Catalogue-wide id: stable across runs, unique across sources, safe in a URL path. */
    public static String catalogueId(String sourceId, String sourceRecordId) {
        return sourceId + "-" + sourceRecordId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
