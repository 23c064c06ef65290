package org.onewindow.mappings.source;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The common-schema fields a mapping file may fill, by the names the files use. */
public enum TargetField {
    NAME("name"),
    NAME_EN("nameEn"),
    SUMMARY("summary"),
    DESCRIPTION("description"),
    SUPPORT_TYPE("supportType"),
    AUDIENCE("audience"),
    ELIGIBILITY("eligibility"),
    BENEFITS("benefits"),
    HOW_TO_APPLY("howToApply"),
    APPLICATION_PERIOD("applicationPeriod"),
    REQUIRED_DOCUMENTS("requiredDocuments"),
    AUTHORITY_NAME("authorityName"),
    DEPARTMENT("department"),
    CONTACT("contact"),
    CATEGORIES("categories"),
    LAST_MODIFIED("lastModified");

    private final String key;

    TargetField(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    @JsonCreator
    public static TargetField fromKey(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown field '" + key + "'" + Suggestions.didYouMean(key, Arrays.stream(values()).map(TargetField::key).toList())));
    }

    public static Optional<TargetField> find(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
