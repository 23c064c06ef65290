package org.onewindow.mappings.source;

import static org.onewindow.mappings.source.TargetField.Kind.DATE;
import static org.onewindow.mappings.source.TargetField.Kind.INTEGER;
import static org.onewindow.mappings.source.TargetField.Kind.LIST;
import static org.onewindow.mappings.source.TargetField.Kind.TEXT;
import static org.onewindow.mappings.source.TargetField.Kind.URL;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.onewindow.mappings.vocabulary.Vocabularies;

/**
 * The common-schema fields a mapping file may fill, by the names the files use; what kind of value each holds; and,
 * for controlled fields, their vocabulary. A code field ({@link #storesCodes()}) always maps through its vocabulary;
 * a controlled display field (supportType, categories) does when its rule says {@code valueMap}, and then holds the
 * term's Korean label.
 */
public enum TargetField {
    NAME("name", TEXT),
    NAME_EN("nameEn", TEXT),
    SUMMARY("summary", TEXT),
    SUMMARY_EN("summaryEn", TEXT),
    DESCRIPTION("description", TEXT),
    DESCRIPTION_EN("descriptionEn", TEXT),
    SUPPORT_TYPE("supportType", TEXT, Vocabularies.SUPPORT_TYPES, false),
    AUDIENCE("audience", TEXT),
    AUDIENCE_CODES("audienceCodes", LIST, Vocabularies.AUDIENCES, true),
    ELIGIBILITY("eligibility", TEXT),
    BENEFITS("benefits", TEXT),
    HOW_TO_APPLY("howToApply", TEXT),
    ONLINE_APPLICATION_URL("onlineApplicationUrl", URL),
    APPLICATION_PERIOD("applicationPeriod", TEXT),
    REQUIRED_DOCUMENTS("requiredDocuments", LIST),
    AUTHORITY_NAME("authorityName", TEXT),
    AUTHORITY_CODE("authorityCode", TEXT),
    DEPARTMENT("department", TEXT),
    CONTACT("contact", TEXT),
    CATEGORIES("categories", LIST, Vocabularies.SERVICE_FIELDS, false),
    LIFE_EVENTS("lifeEvents", LIST, Vocabularies.LIFE_EVENTS, true),
    KEYWORDS("keywords", LIST),
    REGION("region", LIST, Vocabularies.REGIONS, true),
    LEGAL_BASIS("legalBasis", LIST),
    LAST_MODIFIED("lastModified", DATE),
    POPULARITY("popularity", INTEGER);

    /** What a field holds: one text (several values joined), a list, a date, an absolute http(s) URL, a whole number. */
    public enum Kind {
        TEXT,
        LIST,
        DATE,
        URL,
        INTEGER
    }

    private final String key;
    private final Kind kind;
    private final String vocabulary;
    private final boolean storesCodes;

    TargetField(String key, Kind kind) {
        this(key, kind, null, false);
    }

    TargetField(String key, Kind kind, String vocabulary, boolean storesCodes) {
        this.key = key;
        this.kind = kind;
        this.vocabulary = vocabulary;
        this.storesCodes = storesCodes;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The vocabulary controlling this field, if any; a rule's {@code valueMap} may name no other. */
    public Optional<String> vocabulary() {
        return Optional.ofNullable(vocabulary);
    }

    /** True when the field holds vocabulary codes (and maps through its vocabulary without being told). */
    public boolean storesCodes() {
        return storesCodes;
    }

    /**
     * Whether the field holds one value: several values filling it are a mapping mistake worth a warning (a text is
     * joined with line breaks, a URL, date or number takes the first).
     */
    public boolean singleValued() {
        return kind == URL
                || kind == DATE
                || kind == INTEGER
                || this == NAME
                || this == NAME_EN
                || this == SUPPORT_TYPE
                || this == AUTHORITY_NAME
                || this == AUTHORITY_CODE
                || this == DEPARTMENT;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(TargetField::key).toList();
    }

    @JsonCreator
    public static TargetField fromKey(String key) {
        return find(key)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown field '" + key + "'" + Suggestions.didYouMean(key, keys())));
    }

    public static Optional<TargetField> find(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
