package org.onewindow.mappings.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.onewindow.mappings.vocabulary.Term;
import org.onewindow.mappings.vocabulary.Vocabularies;

/**
 * The licence a source publishes its content under (a code, label or alias of the {@code licences} vocabulary,
 * kept as the code) and the attribution its reusers must show; the attribution defaults to the agency's name.
 */
public record SourceLicence(
        @JsonProperty(required = true) String type,
        @JsonSetter(nulls = Nulls.SET) String attribution) {

    public SourceLicence {
        type = term(type).code();
        attribution = attribution == null || attribution.isBlank() ? null : attribution.strip();
    }

    /** The licence's vocabulary term. */
    public Term term() {
        return term(type);
    }

    SourceLicence attributedTo(String agencyName) {
        return attribution == null ? new SourceLicence(type, agencyName) : this;
    }

    static Term term(String type) {
        return Vocabularies.bundled()
                .get(Vocabularies.LICENCES)
                .resolve(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown licence type '" + type + "' (one of "
                        + String.join(
                                ", ",
                                Vocabularies.bundled().get(Vocabularies.LICENCES).terms().stream()
                                        .map(Term::code)
                                        .toList())
                        + ")"));
    }
}
