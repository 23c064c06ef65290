package org.onewindow.mappings.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a controlled vocabulary: its stable code, its Korean and English labels, the other spellings that
 * mean it (retired codes, short names, the API's variants) and, for licences, the text's URL.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Term(
        @JsonProperty(required = true) String code,
        @JsonProperty(required = true) String ko,
        @JsonProperty(required = true) String en,
        @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> aliases,
        String url) {

    public Term {
        requireText(code, "code");
        requireText(ko, "ko (" + code + ")");
        requireText(en, "en (" + code + ")");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Term(String code, String ko, String en) {
        this(code, ko, en, List.of(), null);
    }

    /** Every spelling that resolves to this term: code, labels and aliases. */
    List<String> spellings() {
        List<String> all = new ArrayList<>(List.of(code, ko, en));
        all.addAll(aliases);
        return all;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a vocabulary term needs a non-blank " + what);
        }
    }
}
