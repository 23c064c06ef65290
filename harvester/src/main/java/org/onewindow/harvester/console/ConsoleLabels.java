package org.onewindow.harvester.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The console's labels in Korean and English, from {@code console/labels_<language>.properties} (UTF-8). */
public final class ConsoleLabels {

    public enum Language {
        KO("ko"),
        EN("en");

        private final String tag;

        Language(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        /** The language a cookie or parameter names; Korean for anything else. */
        public static Language of(String tag) {
            return "en".equals(tag) ? EN : KO;
        }

        public Language other() {
            return this == KO ? EN : KO;
        }
    }

    private static final Map<Language, Map<String, String>> LABELS =
            Map.of(Language.KO, read(Language.KO), Language.EN, read(Language.EN));

    private ConsoleLabels() {}

    public static Map<String, String> of(Language language) {
        return LABELS.get(language);
    }

    static Map<String, String> read(Language language) {
        String file = "/console/labels_" + language.tag() + ".properties";
        try (InputStream in = ConsoleLabels.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + file);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> labels = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> labels.put(key, properties.getProperty(key)));
            return Map.copyOf(labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
