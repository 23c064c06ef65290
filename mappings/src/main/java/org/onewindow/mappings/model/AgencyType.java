package org.onewindow.mappings.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** 소관기관유형: who runs a service. */
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
}
