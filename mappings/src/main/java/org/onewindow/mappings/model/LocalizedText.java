package org.onewindow.mappings.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A display string in Korean and, where the source has one, English. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalizedText(String ko, String en) {

    public static LocalizedText korean(String text) {
        return text == null || text.isBlank() ? null : new LocalizedText(text, null);
    }

    /** The text in the asked language, falling back to the other one. */
    public String display(String language) {
        if ("en".equals(language) && en != null) {
            return en;
        }
        return ko != null ? ko : en;
    }
}
