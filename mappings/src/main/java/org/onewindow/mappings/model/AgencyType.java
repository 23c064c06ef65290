package org.onewindow.mappings.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabularies;

/** 소관기관유형: who runs a service. Its codes are those of the {@code agency-types} vocabulary. */
public enum AgencyType {
    CENTRAL("central"),
    LOCAL("local"),
    PUBLIC_INSTITUTION("public-institution"),
    EDUCATION_OFFICE("education-office");

    private final String code;

    AgencyType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The type named by its code or by any label or alias of the vocabulary ("중앙행정기관", "지자체"). */
    @JsonCreator
    public static AgencyType of(String value) {
        String code = Vocabularies.bundled()
                .get(Vocabularies.AGENCY_TYPES)
                .resolve(value)
                .map(Term::code)
                .orElse(value);
        return Arrays.stream(values())
                .filter(type -> type.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown agency type '" + value + "' (one of "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(AgencyType::code).toList()) + ", or their Korean names)"));
    }
}
