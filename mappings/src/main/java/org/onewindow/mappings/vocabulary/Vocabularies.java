package org.onewindow.mappings.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every controlled vocabulary, read once from the classpath: the files listed in {@code vocabularies/vocabularies.list}
 * (a test keeps that list equal to the folder).
 */
public final class Vocabularies {

    public static final String FOLDER = "vocabularies/";
    public static final String INDEX = FOLDER + "vocabularies.list";

    public static final String SERVICE_FIELDS = "service-fields";
    public static final String SUPPORT_TYPES = "support-types";
    public static final String AUDIENCES = "audiences";
    public static final String LIFE_EVENTS = "life-events";
    public static final String AGENCY_TYPES = "agency-types";
    public static final String REGIONS = "regions";
    public static final String LICENCES = "licences";

    private final Map<String, Vocabulary> byName;

    public Vocabularies(List<Vocabulary> vocabularies) {
        Map<String, Vocabulary> map = new LinkedHashMap<>();
        for (Vocabulary vocabulary : vocabularies) {
            if (map.put(vocabulary.name(), vocabulary) != null) {
                throw new IllegalArgumentException("two vocabularies are named " + vocabulary.name());
            }
        }
        this.byName = Map.copyOf(map);
    }

    /** The vocabularies shipped in this module; read on first use, then shared (they are immutable). */
    public static Vocabularies bundled() {
        return Bundled.INSTANCE;
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    public Optional<Vocabulary> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Vocabulary get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown vocabulary '" + name + "'"));
    }

    public static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (String line : resource(INDEX).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    static String resource(String path) {
        try (InputStream in = Vocabularies.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Bundled {
        static final Vocabularies INSTANCE = new Vocabularies(fileNames().stream()
                .map(file -> Vocabulary.parse(file.replaceAll("\\.ya?ml$", ""), resource(FOLDER + file)))
                .toList());
    }
}
