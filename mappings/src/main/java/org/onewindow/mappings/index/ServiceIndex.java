package org.onewindow.mappings.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Elasticsearch projection of the common schema. Readers and writers use the alias; a mapping change gets a
 * new {@link #VERSION} (a new index, filled and then swapped in behind the alias).
 */
public final class ServiceIndex {

    public static final String ALIAS = "onewindow-services";
    public static final int VERSION = 6;
    public static final String INDEX = ALIAS + "-v" + VERSION;

    /** Fields searched by the public full-text query, with their weights; all use the Korean morphological analyzer. */
    public static final List<String> SEARCH_FIELDS =
            List.of("name.ko^4", "name.en^3", "summary.ko^2", "summary.en", "audience", "benefits");

    /** Fields {@link #indexDocument} adds for the {@code openNow} filter only: no answer of the API serves them. */
    public static final List<String> SEARCH_ONLY_FIELDS = List.of("applicationAlwaysOpen", "applicationWindow");

    private ServiceIndex() {}

    /**
     * The document indexed for a record: the record's JSON plus what is derived for searching only, not part of the
     * record of truth (so its content hash does not move): the application window for {@code openNow}, and the
     * {@link Channels} the detail serves (read here, once per revision, rather than on every public request).
     */
    public static String indexDocument(ObjectMapper json, String recordJson) {
        try {
            ObjectNode document = (ObjectNode) json.readTree(recordJson);
            ApplicationPeriod.parse(document.path("applicationPeriod").asText(null))
                    .ifPresent(period -> {
                        if (period.always()) {
                            document.put("applicationAlwaysOpen", true);
                        } else {
                            ObjectNode window = document.putObject("applicationWindow");
                            if (period.from() != null) {
                                window.put("gte", period.from().toString());
                            }
                            if (period.to() != null) {
                                window.put("lte", period.to().toString());
                            }
                        }
                    });
            document.set("channels", json.valueToTree(Channels.of(document)));
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("not a record document", e);
        }
    }

    /** Settings (our plugin's analyzers) and mappings of the index, as the create-index request body. */
    public static String definitionJson() {
        try (InputStream in = ServiceIndex.class.getResourceAsStream("/elasticsearch/services-index.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index definition", e);
        }
    }
}
