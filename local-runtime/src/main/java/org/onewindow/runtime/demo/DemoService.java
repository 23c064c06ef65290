package org.onewindow.runtime.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One service of a demo agency, as written in {@code demo-sites/<agency>/services.json}. The fields after
 * {@code updatedAt} are absent from the first agency's file (null there): who is competent for the service when it
 * is not the site's agency, the English name and summary, the online application page, views, life events,
 * region code, and the name of the same service in another agency's catalogue.
 */
public record DemoService(
        String id,
        String name,
        String category,
        String supportType,
        String summary,
        String purpose,
        String audience,
        String criteria,
        String benefits,
        String howToApply,
        String deadline,
        List<String> documents,
        String department,
        String contact,
        String registeredAt,
        String updatedAt,
        String nameEn,
        String summaryEn,
        String agencyName,
        String agencyCode,
        String onlineUrl,
        Long views,
        List<String> lifeEvents,
        String regionCode,
        String duplicateOf) {

    public DemoService {
        documents = documents == null ? List.of() : List.copyOf(documents);
        lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
    }

    /** Whether the record has selection criteria (some pages have no such row). */
    public boolean hasCriteria() {
        return criteria != null && !criteria.isBlank();
    }

    public boolean hasDocuments() {
        return !documents.isEmpty();
    }

    /** @param folder the agency's folder under {@code demo-sites/} */
    public static List<DemoService> load(String folder) {
        String path = "/demo-sites/" + folder + "/services.json";
        try (InputStream in = DemoService.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing demo data " + path);
            }
            return List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<DemoService>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo services " + path, e);
        }
    }
}
