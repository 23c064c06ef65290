package org.onewindow.mappings.source;

import com.fasterxml.jackson.core.JsonToken;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.onewindow.mappings.source.TargetField.Kind;
import org.onewindow.mappings.vocabulary.Vocabularies;
import org.onewindow.mappings.vocabulary.Vocabulary;

/** What a field rule's values must satisfy; each check throws IllegalArgumentException with the message to show. */
final class RuleChecks {

    private RuleChecks() {}

    static void valueMap(TargetField field, String name) {
        Vocabularies vocabularies = Vocabularies.bundled();
        if (vocabularies.find(name).isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown vocabulary '" + name + "'" + Suggestions.didYouMean(name, vocabularies.names())
                            + " (known: " + String.join(", ", vocabularies.names()) + ")");
        }
        if (!EnumSet.of(Kind.TEXT, Kind.LIST).contains(field.kind())) {
            throw new IllegalArgumentException(
                    "valueMap does not apply to '" + field.key() + "' (a " + kindName(field) + ")");
        }
        field.vocabulary().filter(own -> !own.equals(name)).ifPresent(own -> {
            throw new IllegalArgumentException(
                    "'" + field.key() + "' maps onto vocabulary " + own + ", not '" + name + "'");
        });
    }

    static void dateFormat(TargetField field, String pattern) {
        if (field.kind() != Kind.DATE) {
            throw new IllegalArgumentException(
                    "dateFormat applies only to date fields (lastModified), not to '" + field.key() + "'");
        }
        try {
            FieldRule.dateFormatter(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().startsWith("date format")
                            ? e.getMessage()
                            : "invalid dateFormat '" + pattern + "': " + e.getMessage());
        }
    }

    static void extract(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid extract pattern '" + regex + "': " + e.getDescription());
        }
    }

    static void absoluteUrl(TargetField field, JsonToken token) {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new IllegalArgumentException("absoluteUrl is true or false");
        }
        if (field.kind() != Kind.URL) {
            throw new IllegalArgumentException(
                    "absoluteUrl applies only to URL fields (onlineApplicationUrl), not to '" + field.key() + "'");
        }
    }

    /** A default goes through the rule's vocabulary like any value, so it must be in it; a number's must be a number. */
    static void defaultValue(TargetField field, String valueMap, String value) {
        String vocabulary = valueMap != null
                ? valueMap
                : field.storesCodes() ? field.vocabulary().orElseThrow() : null;
        Vocabulary controlled = vocabulary == null
                ? null
                : Vocabularies.bundled().find(vocabulary).orElse(null);
        if (controlled != null && controlled.resolve(value).isEmpty()) {
            throw new IllegalArgumentException("default '" + value + "' is not in vocabulary " + vocabulary);
        }
        if (field.kind() == Kind.INTEGER && !value.strip().matches("\\d[\\d,]*")) {
            throw new IllegalArgumentException("default '" + value + "' is not a whole number");
        }
    }

    /** An alias names a term of the rule's vocabulary, so the rule must map onto one. */
    static void aliasTarget(TargetField field, String valueMap, String term) {
        String vocabulary = valueMap != null
                ? valueMap
                : field.storesCodes() ? field.vocabulary().orElseThrow() : null;
        if (vocabulary == null) {
            throw new IllegalArgumentException(
                    "aliases name vocabulary terms: '" + field.key() + "' maps onto no vocabulary (add valueMap)");
        }
        Vocabulary controlled = Vocabularies.bundled().find(vocabulary).orElse(null);
        if (controlled != null && controlled.resolve(term).isEmpty()) {
            throw new IllegalArgumentException("alias target '" + term + "' is not in vocabulary " + vocabulary);
        }
    }

    private static String kindName(TargetField field) {
        return field.kind().name().toLowerCase(Locale.ROOT);
    }
}
