package org.onewindow.catalogue.search;

import java.util.Optional;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabularies;
import org.onewindow.mappings.vocabulary.Vocabulary;

/**
 * The fields citizens filter and browse by: the query parameter, the indexed field, and the vocabulary that says
 * which values exist (a filter value may be a term's code, its Korean or English label, or an alias).
 */
public enum Facet {
    CATEGORY("category", "categories", Vocabularies.SERVICE_FIELDS, true),
    LIFE_EVENT("lifeEvent", "lifeEvents", Vocabularies.LIFE_EVENTS, false),
    AUDIENCE("audience", "audienceCodes", Vocabularies.AUDIENCES, false),
    SUPPORT_TYPE("supportType", "supportType", Vocabularies.SUPPORT_TYPES, true),
    AGENCY("agency", "competentAuthority.code", null, false),
    AGENCY_TYPE("agencyType", "competentAuthority.type", Vocabularies.AGENCY_TYPES, false),
    REGION("region", "region", Vocabularies.REGIONS, false);

    private static final Vocabularies VOCABULARIES = Vocabularies.bundled();

    private final String parameter;
    private final String field;
    private final String vocabulary;
    private final boolean storesKoreanLabel;

    Facet(String parameter, String field, String vocabulary, boolean storesKoreanLabel) {
        this.parameter = parameter;
        this.field = field;
        this.vocabulary = vocabulary;
        this.storesKoreanLabel = storesKoreanLabel;
    }

    /** The query parameter, also the facet's name in answers. */
    public String parameter() {
        return parameter;
    }

    public String field() {
        return field;
    }

    /** The vocabulary of the facet's values; empty for agencies (an open list: any agency code is a valid filter). */
    public Optional<Vocabulary> vocabulary() {
        return vocabulary == null ? Optional.empty() : Optional.of(VOCABULARIES.get(vocabulary));
    }

    /** The value as indexed for a term: its Korean label for label-stored fields, else its code. */
    public String indexedValue(Term term) {
        return storesKoreanLabel ? term.ko() : term.code();
    }

    /** The term an indexed value stands for, if the vocabulary knows it. */
    public Optional<Term> termOf(String indexedValue) {
        return vocabulary().flatMap(v -> storesKoreanLabel ? v.resolve(indexedValue) : v.byCode(indexedValue));
    }

    public static Optional<Facet> byParameter(String parameter) {
        for (Facet facet : values()) {
            if (facet.parameter.equals(parameter)) {
                return Optional.of(facet);
            }
        }
        return Optional.empty();
    }
}
