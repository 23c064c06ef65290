package org.onewindow.mappings.vocabulary;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A controlled vocabulary read from one file under {@code vocabularies/}. A value resolves to a term by its code,
 * Korean or English label or an alias, compared after {@link #normalize normalising}. Codes are unique and no
 * spelling may name two terms: a file breaking either rule does not load.
 */
public final class Vocabulary {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** Middle dots and their look-alikes (ㆍ U+318D is the one Korean keyboards type), full stops and slashes. */
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[·ㆍ・･‧∙•./]+\\s*");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String name;
    private final String title;
    private final List<Term> terms;
    private final Map<String, Term> bySpelling = new LinkedHashMap<>();

    public Vocabulary(String name, String title, List<Term> terms) {
        this.name = name;
        this.title = title;
        this.terms = List.copyOf(terms);
        List<String> problems = new ArrayList<>();
        Map<String, Term> byCode = new LinkedHashMap<>();
        for (Term term : this.terms) {
            if (byCode.putIfAbsent(term.code(), term) != null) {
                problems.add("code '" + term.code() + "' is used twice");
            }
        }
        for (Term term : this.terms) {
            for (String spelling : term.spellings()) {
                Term other = bySpelling.putIfAbsent(normalize(spelling), term);
                if (other != null && other != term) {
                    problems.add("'" + spelling + "' names both " + other.code() + " and " + term.code());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("vocabulary " + name + ": " + String.join("; ", problems));
        }
    }

    /** Reads a vocabulary file's text; its {@code name} must be the one expected. */
    public static Vocabulary parse(String expectedName, String yaml) {
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("vocabulary " + expectedName + ": " + e.getMessage(), e);
        }
        if (!expectedName.equals(file.name())) {
            throw new IllegalArgumentException(
                    "vocabulary file " + expectedName + " names itself '" + file.name() + "'");
        }
        return new Vocabulary(file.name(), file.title(), file.terms());
    }

    public String name() {
        return name;
    }

    /** What the vocabulary lists, in Korean and English ("서비스분야 (service fields)"). */
    public String title() {
        return title;
    }

    public List<Term> terms() {
        return terms;
    }

    public Optional<Term> resolve(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(bySpelling.get(normalize(value)));
    }

    /** The term with exactly this code. */
    public Optional<Term> byCode(String code) {
        return terms.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** Each value resolved in order (a term once, however often it is named), and the values that did not resolve. */
    public Resolution resolveAll(List<String> values) {
        List<Term> resolved = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            resolve(value)
                    .ifPresentOrElse(
                            t -> {
                                if (!resolved.contains(t)) {
                                    resolved.add(t);
                                }
                            },
                            () -> unknown.add(value));
        }
        return new Resolution(resolved, unknown);
    }

    /**
     * The form values are compared in: trimmed, compatibility-normalised (full-width Latin and digits become ASCII),
     * lower-cased, without spaces, and with '·', 'ㆍ', '.', '/' and their look-alikes as one separator
     * ("보건ㆍ의료", "보건 / 의료" and "보건.의료" all read "보건·의료"); separators at either end are dropped.
     */
    public static String normalize(String value) {
        String text = SEPARATORS.matcher(value.strip()).replaceAll("·");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = SPACES.matcher(text).replaceAll("");
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '·') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '·') {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + name + ", " + terms.size() + " terms]";
    }

    public record Resolution(List<Term> terms, List<String> unknown) {}

    private record File(
            @JsonProperty(required = true) String name,
            @JsonProperty(required = true) String title,
            @JsonProperty(required = true) List<Term> terms) {}
}
