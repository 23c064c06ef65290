package org.onewindow.mappings.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping files shipped in this module (sources-as-code), listed in {@code sources/sources.list}; a test keeps
 * that list equal to the folder's content.
 */
public final class BundledSources {

    public static final String FOLDER = "sources/";
    public static final String INDEX = FOLDER + "sources.list";

    private BundledSources() {}

    public static List<String> fileNames() {
        String index = resource(INDEX);
        List<String> names = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every bundled file read; each result carries its definition or its problems. */
    public static List<NamedResult> readAll() {
        SourceDefinitionReader reader = new SourceDefinitionReader();
        return fileNames().stream()
                .map(name -> new NamedResult(FOLDER + name, resource(FOLDER + name)))
                .map(file -> new NamedResult(file.fileName(), file.text(), reader.read(file.fileName(), file.text())))
                .toList();
    }

    private static String resource(String path) {
        try (InputStream in = BundledSources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record NamedResult(String fileName, String text, SourceDefinitionReader.Result result) {
        NamedResult(String fileName, String text) {
            this(fileName, text, null);
        }
    }
}
