package org.onewindow.mappings.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * The language a source writes in, which its mapping file declares ({@code language: en}); Korean when it says
 * nothing. The fields {@code name}, {@code summary} and {@code description} take the text in this language, and the
 * record's untagged text (keywords, audience, its authority's name) is labelled with it wherever the catalogue
 * writes language tags (JSON-LD, CPSV-AP).
 */
public enum SourceLanguage {
    KO("ko", "KOR", "Korean"),
    EN("en", "ENG", "English");

    private final String tag;
    private final String authorityCode;
    private final String englishName;

    SourceLanguage(String tag, String authorityCode, String englishName) {
        this.tag = tag;
        this.authorityCode = authorityCode;
        this.englishName = englishName;
    }

    /** "Korean", "English": the language's label in the EU authority table. */
    public String englishName() {
        return englishName;
    }

    /** The BCP 47 tag ("ko", "en"), as written in mapping files and in records. */
    @JsonValue
    public String tag() {
        return tag;
    }

    /** The language's IRI in the EU Publications Office authority table, which CPSV-AP's dct:language takes. */
    public String authorityIri() {
        return "http://publications.europa.eu/resource/authority/language/" + authorityCode;
    }

    @JsonCreator
    public static SourceLanguage of(String tag) {
        String wanted = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(language -> language.tag.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("language '" + tag
                        + "' is not one the catalogue serves (ko or en): a source in another language maps its"
                        + " English or Korean text, e.g. from title@en"));
    }

    /** A record's language as stored: absent for Korean, so that records written before languages existed match. */
    public static SourceLanguage ofRecord(String tag) {
        return tag == null ? KO : of(tag);
    }
}
